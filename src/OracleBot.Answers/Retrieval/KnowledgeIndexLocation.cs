namespace OracleBot.Answers.Retrieval;

/// <summary>Where the seed files are read from and where their index is kept.</summary>
public sealed record KnowledgeIndexLocation(string SeedsDirectory, string IndexDirectory)
{
    /// <summary>Explicit corpus files to load instead of every <c>*.jsonl</c> below <see cref="SeedsDirectory"/> (evaluation runs).</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>Documents imported by the organisation (<c>oraclebot index</c>); loaded before the seeds, so an imported document replaces a seed of the same id.</summary>
    public string? LibraryDirectory { get; init; }

    /// <summary>The files this location loads, in a stable order: the library's, then the seeds'.</summary>
    public IReadOnlyList<FileInfo> SourceFiles()
    {
        if (Files is not null)
        {
            return [.. Files.Select(f => new FileInfo(Path.GetFullPath(f)))];
        }

        IEnumerable<FileInfo> library = LibraryDirectory is not null && Directory.Exists(LibraryDirectory)
            ? new DirectoryInfo(LibraryDirectory).EnumerateFiles("*.jsonl").OrderBy(f => f.Name, StringComparer.Ordinal)
            : [];
        return [.. library, .. Knowledge.SeedReader.SeedFiles(SeedsDirectory)];
    }
}

/// <summary>What opening the index took; logged at start-up and useful to benchmarks.</summary>
public sealed record KnowledgeIndexReport(bool Built, int Documents, int Passages, TimeSpan LoadTime, TimeSpan IndexTime, string IndexPath);
