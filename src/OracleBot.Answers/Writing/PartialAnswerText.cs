using System.Text;
using System.Text.RegularExpressions;

namespace OracleBot.Answers.Writing;

/// <summary>
/// Readable text from a JSON answer still being written: the "text" values so far, the last one possibly
/// unfinished. Shown while waiting, never as the answer (only the grounded answer is).
/// </summary>
internal static partial class PartialAnswerText
{
    public static string From(string json)
    {
        var text = new StringBuilder();
        foreach (Match match in TextValue().Matches(json))
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(Unescape(match.Groups[1].Value));
        }

        return text.ToString();
    }

    private static string Unescape(string value) =>
        value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\n", " ", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)", RegexOptions.CultureInvariant)]
    private static partial Regex TextValue();
}
