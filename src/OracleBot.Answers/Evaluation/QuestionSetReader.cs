using System.Globalization;
using System.Text.Json;

namespace OracleBot.Answers.Evaluation;

/// <summary>
/// Reads evaluation questions: JSONL lines <c>{"id", "question", "gold_ids"}</c>, optionally with a TREC-style
/// qrels TSV (<c>query-id, corpus-id, score</c>, header line allowed) that replaces the gold ids.
/// </summary>
/// <remarks>
/// Optional fields label answers: <c>gold_answer</c> (text), <c>gold_sections</c> (headings; a string or an
/// array), <c>out_of_scope</c> (true: the knowledge base cannot answer it; it needs no gold ids) and
/// <c>context</c> (the earlier questions of the thread, oldest first, for a follow-up).
/// </remarks>
public static class QuestionSetReader
{
    public static IReadOnlyList<EvalQuestion> Read(string questionsPath, string? qrelsPath)
    {
        var qrels = qrelsPath is null ? null : ReadQrels(qrelsPath);
        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(questionsPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = root.GetProperty("id").ToString();
                var question = root.GetProperty("question").GetString() ?? string.Empty;
                IReadOnlyDictionary<string, int>? relevant = null;
                if (qrels is not null)
                {
                    // Questions without judgements are skipped, as trec_eval does.
                    if (!qrels.TryGetValue(id, out var judged))
                    {
                        continue;
                    }

                    relevant = judged;
                }
                else if (root.TryGetProperty("gold_ids", out var gold))
                {
                    relevant = gold.EnumerateArray().Select(g => g.ToString()).Distinct(StringComparer.Ordinal).ToDictionary(g => g, _ => 1, StringComparer.Ordinal);
                }

                var outOfScope = root.TryGetProperty("out_of_scope", out var scope) && scope.GetBoolean();
                if (relevant is { Count: > 0 } || outOfScope)
                {
                    questions.Add(new EvalQuestion(id, question, relevant ?? new Dictionary<string, int>(StringComparer.Ordinal))
                    {
                        GoldAnswer = root.TryGetProperty("gold_answer", out var answer) && answer.ValueKind == JsonValueKind.String ? answer.GetString() : null,
                        GoldSections = Strings(root, "gold_sections"),
                        OutOfScope = outOfScope,
                        Context = Strings(root, "context"),
                    });
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{questionsPath}:{lineNumber}: expected {{\"id\", \"question\", \"gold_ids\"}} ({ex.Message}).", ex);
            }
        }

        return questions;
    }

    // A string or an array of strings; absent is empty.
    private static IReadOnlyList<string> Strings(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : [.. value.EnumerateArray().Select(v => v.GetString() ?? throw new InvalidOperationException($"'{name}' holds a non-string."))];

    private static Dictionary<string, Dictionary<string, int>> ReadQrels(string path)
    {
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var cells = line.Split('\t', StringSplitOptions.TrimEntries);
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && !int.TryParse(cells[^1], CultureInfo.InvariantCulture, out _)))
            {
                continue;
            }

            // query-id, corpus-id, score; TREC's four-column form has an iteration column second.
            if (cells.Length is not (3 or 4) || !int.TryParse(cells[^1], CultureInfo.InvariantCulture, out var score))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 'query-id<TAB>corpus-id<TAB>score'.");
            }

            if (score > 0)
            {
                var judged = qrels.TryGetValue(cells[0], out var existing) ? existing : qrels[cells[0]] = new(StringComparer.Ordinal);
                judged[cells[^2]] = score;
            }
        }

        return qrels;
    }
}
