using System.Text.Json;

namespace OracleBot.Benchmarks.Retrieval;

/// <summary>
/// Questions to time: the evaluation question sets beside the repository (<c>../shared/data</c>) when present,
/// else the display titles of seed documents.
/// </summary>
internal static class QuerySample
{
    public static string DataDirectory(string? option) =>
        option ?? Path.GetFullPath(Path.Combine(BenchPaths.RepositoryRoot, "..", "shared", "data"));

    public static List<string> Load(string dataDirectory, IEnumerable<string> fallbackTitles)
    {
        var questions = new List<string>();
        foreach (var file in new[] { "pubmedqa/questions-dev.jsonl", "scifact/questions-train.jsonl" }.Select(f => Path.Combine(dataDirectory, f)).Where(File.Exists))
        {
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                using var json = JsonDocument.Parse(line);
                questions.Add(json.RootElement.GetProperty("question").GetString() ?? string.Empty);
            }
        }

        return questions.Count > 0 ? questions : [.. fallbackTitles.Take(1000)];
    }
}
