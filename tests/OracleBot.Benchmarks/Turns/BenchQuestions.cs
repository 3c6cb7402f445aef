using System.Text.Json;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// Realistic, mostly distinct clinical questions: the questions MedQuAD's NIH pages answer (from the seeds)
/// and, when the shared evaluation data sits beside the repository, PubMedQA's research questions.
/// </summary>
internal static class BenchQuestions
{
    public static IReadOnlyList<string> Load(string repositoryRoot)
    {
        var questions = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(repositoryRoot, "seeds", "medquad", "corpus.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            var text = document.RootElement.GetProperty("text").GetString() ?? string.Empty;
            var firstLine = text.Split('\n', 2)[0].Trim();
            if (firstLine.EndsWith('?'))
            {
                questions.Add(firstLine);
            }
        }

        var pubMedQa = Path.Combine(repositoryRoot, "..", "shared", "data", "pubmedqa", "questions-dev.jsonl");
        if (File.Exists(pubMedQa))
        {
            foreach (var line in File.ReadLines(pubMedQa))
            {
                using var document = JsonDocument.Parse(line);
                questions.Add(document.RootElement.GetProperty("question").GetString()!);
            }
        }

        // A fixed shuffle: runs are comparable, and neighbouring turns do not ask about the same topic.
        var random = new Random(20261127);
        return [.. questions.OrderBy(_ => random.Next())];
    }
}
