using System.Globalization;
using System.Text;
using OracleBot.Answers.Evaluation;

namespace OracleBot.Cli;

/// <summary>The answer-quality lines of <c>oraclebot eval</c> and its per-answer TSV file.</summary>
internal static class AnswerReport
{
    public static string Summary(AnswerSummary s)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"answers     {s.Answerable} answerable, {s.OutOfScope} out of scope, {s.FollowUps} follow-ups; p50 {s.P50Milliseconds:F2} ms, p99 {s.P99Milliseconds:F2} ms");
        if (s.Answerable > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  answered                    {s.AnsweredRate:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"  bottom line from gold doc   {s.BottomLineFromGold:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"  gold doc cited              {s.GoldCited:F3}");
        }

        if (s.BottomLineFromGoldSection is { } section)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  bottom line from gold section {section:F3} (of {s.WithGoldSection})");
        }

        if (s.RougeL is { } rouge)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ROUGE-L vs gold answer      {rouge:F3} (of {s.WithGoldAnswer})");
        }

        if (s.NotCoveredRate is { } notCovered)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  out of scope: not covered   {notCovered:F3}");
        }

        if (s.FollowUpBottomLineFromGold is { } followUps)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  follow-ups: bottom line from gold doc {followUps:F3}");
        }

        return text.ToString();
    }

    public static async Task WriteAsync(string path, IReadOnlyList<AnswerScore> scores, CancellationToken cancellationToken)
    {
        var lines = new List<string>(scores.Count + 1) { "id\tkind\tanswered\tbl_gold\tbl_gold_section\tgold_cited\trouge_l\tbl_document\tbl_section\tquestion\tbottom_line" };
        lines.AddRange(scores.Select(s => string.Join('\t',
            s.Question.Id,
            s.Question.OutOfScope ? "out-of-scope" : s.Question.IsFollowUp ? "follow-up" : "answerable",
            Flag(s.Answered),
            Flag(s.BottomLineFromGold),
            s.BottomLineFromGoldSection is { } section ? Flag(section) : "",
            Flag(s.GoldCited),
            s.RougeL?.ToString("F3", CultureInfo.InvariantCulture) ?? "",
            s.BottomLineDocument ?? "",
            Clean(s.BottomLineSection),
            Clean(s.Question.Question),
            Clean(s.BottomLine))));
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Clean(string? text) => (text ?? string.Empty).Replace('\t', ' ').ReplaceLineEndings(" ");
}
