namespace OracleBot.Answers.Retrieval;

/// <summary>Where the seed files are read from and where their index is kept.</summary>
public sealed record KnowledgeIndexLocation(string SeedsDirectory, string IndexDirectory)
{
    /// <summary>Explicit corpus files to load instead of every <c>*.jsonl</c> below <see cref="SeedsDirectory"/> (evaluation runs).</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>The files this location loads, in a stable order.</summary>
    public IReadOnlyList<FileInfo> SourceFiles() =>
        Files is null ? Knowledge.SeedReader.SeedFiles(SeedsDirectory) : [.. Files.Select(f => new FileInfo(Path.GetFullPath(f)))];
}

/// <summary>What opening the index took; logged at start-up and useful to benchmarks.</summary>
public sealed record KnowledgeIndexReport(bool Built, int Documents, int Passages, TimeSpan LoadTime, TimeSpan IndexTime, string IndexPath);
