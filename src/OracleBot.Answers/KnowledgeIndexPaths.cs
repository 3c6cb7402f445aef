using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers;

/// <summary>Resolves where the seeds and the index live from options and the host's content root.</summary>
internal static class KnowledgeIndexPaths
{
    public static KnowledgeIndexLocation Resolve(AnswersOptions options, string? contentRoot)
    {
        var root = contentRoot ?? Directory.GetCurrentDirectory();
        var seeds = string.IsNullOrWhiteSpace(options.SeedsDirectory)
            ? DefaultSeeds()
            : Path.GetFullPath(options.SeedsDirectory, root);
        var index = string.IsNullOrWhiteSpace(options.IndexDirectory)
            ? Path.Combine(root, "data", "index")
            : Path.GetFullPath(options.IndexDirectory, root);
        var library = string.IsNullOrWhiteSpace(options.LibraryDirectory)
            ? Path.Combine(root, "data", "library")
            : Path.GetFullPath(options.LibraryDirectory, root);
        return new KnowledgeIndexLocation(seeds, index) { LibraryDirectory = library };
    }

    // The host copies seeds/** beside its binary; running from a source tree finds the repository's folder.
    private static string DefaultSeeds()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "seeds");
        if (HasSeeds(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (HasSeeds(candidate))
            {
                return candidate;
            }
        }

        return beside;
    }

    private static bool HasSeeds(string directory) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.AllDirectories).Any();
}
