using System.Globalization;
using System.Text;

namespace OracleBot.Conversations;

/// <summary>Writes feedback records as RFC 4180 CSV, safe to open in a spreadsheet.</summary>
internal static class FeedbackCsv
{
    public const string Header = "time_utc,answer_id,reaction,comment,question";

    public static async Task<int> WriteAsync(IAsyncEnumerable<FeedbackRecord> records, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(Header);
        var count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(record));
            count++;
        }

        return count;
    }

    public static string Line(FeedbackRecord record) => string.Join(',',
        Cell(record.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        Cell(record.AnswerId),
        Cell(record.Reaction),
        Cell(record.Comment),
        Cell(record.Question));

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // A spreadsheet would run a cell starting with a formula character; a leading quote keeps it text.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : new StringBuilder("\"").Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
