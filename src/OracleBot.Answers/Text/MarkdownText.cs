using System.Text;
using System.Text.RegularExpressions;

namespace OracleBot.Answers.Text;

/// <summary>
/// Prepares Markdown source text (PDQ summaries) for sentence splitting and quoting: paragraphs and list
/// items wrapped over several lines become one line each, because a line break ends a sentence; emphasis
/// markers and link targets go, because a quoted sentence is shown as plain text. Headings, list items and
/// table rows stay on their own lines, so the passage splitter can still see the structure.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>True when the text has at least one ATX heading line ("## Treatment").</summary>
    public static bool IsMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnyHeading().IsMatch(text);
    }

    /// <summary>The heading level (1–6) of a line and its text, or level 0 when the line is not a heading.</summary>
    public static (int Level, string Text) Heading(ReadOnlySpan<char> line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        if (level is 0 or > 6 || level >= line.Length || line[level] is not (' ' or '\t'))
        {
            return (0, string.Empty);
        }

        var text = line[level..].Trim().TrimEnd('#').TrimEnd();
        return text.IsEmpty ? (0, string.Empty) : (level, text.ToString());
    }

    /// <summary>True for a table row ("| T1 | Tumor ≤2 cm |") or its separator line.</summary>
    public static bool IsTableRow(ReadOnlySpan<char> line) => line.TrimStart().StartsWith('|');

    /// <summary>The text with wrapped lines joined, emphasis and link targets removed; other text unchanged.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var joinable = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.IsEmpty)
            {
                // One blank line keeps paragraphs apart; the next line adds the break that ends this one.
                if (result.Length > 0 && result[^1] != '\n')
                {
                    result.Append('\n');
                }

                joinable = false;
                continue;
            }

            var structural = Heading(trimmed).Level > 0 || IsTableRow(trimmed);
            if (joinable && !structural && !IsListItem(trimmed))
            {
                result.Append(' ').Append(trimmed);
                continue;
            }

            if (result.Length > 0)
            {
                result.Append('\n');
            }

            result.Append(structural ? trimmed : line);
            joinable = !structural;
        }

        var plain = Link().Replace(result.ToString(), "$1");
        plain = plain.Replace("**", string.Empty, StringComparison.Ordinal);
        return Emphasis().Replace(plain, "$1");
    }

    private static bool IsListItem(ReadOnlySpan<char> line) => ListItem().IsMatch(line);

    [GeneratedRegex(@"^#{1,6}[ \t]+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AnyHeading();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    // [text](http…) keeps its text; the address is not part of a quotable sentence.
    [GeneratedRegex(@"\[([^\]\n]+)\]\([^)\s]+\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // *Camellia sinensis* → Camellia sinensis; a list bullet ("* item") or a lone star ("p < .05*") stays.
    [GeneratedRegex(@"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();
}
