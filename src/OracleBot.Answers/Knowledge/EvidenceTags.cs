using System.Text;
using System.Text.RegularExpressions;

namespace OracleBot.Answers.Knowledge;

/// <summary>
/// Takes PDQ's inline level-of-evidence tags ("… survival.[Level of evidence C2]") out of a text and keeps
/// each as a mark at the place it stood, so quotations read cleanly and citations can still name the level.
/// </summary>
public static partial class EvidenceTags
{
    // "[Level of evidence C2]", "[Level of evidence: II]", "[Level of evidence B1 based on PFS, as noted above]";
    // a few tags in the source lost their closing bracket, and end at the line or word instead.
    [GeneratedRegex(@"\[Level of evidence:?[ \t]*(?<level>[0-9A-Za-z]{1,8})(?:[^\]\n]{0,80}\]|(?=[\s.,;)]|$))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();

    /// <summary>The text without its tags, and where each tag stood in the text returned.</summary>
    public static (string Text, IReadOnlyList<EvidenceMark> Marks) Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("[Level of evidence", StringComparison.OrdinalIgnoreCase))
        {
            return (text, []);
        }

        var marks = new List<EvidenceMark>();
        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match match in Tag().Matches(text))
        {
            result.Append(text, copied, match.Index - copied);
            copied = match.Index + match.Length;

            // The spacing before the tag goes with it ("statement. [tag] Next" reads "statement. Next"); at the
            // start of a line the spacing after it goes instead.
            var trimmed = result.Length;
            while (trimmed > 0 && result[trimmed - 1] is ' ' or '\t')
            {
                trimmed--;
            }

            if (trimmed == 0 || result[trimmed - 1] == '\n')
            {
                while (copied < text.Length && text[copied] is ' ' or '\t')
                {
                    copied++;
                }
            }

            result.Length = trimmed;
            marks.Add(new EvidenceMark(result.Length, match.Groups["level"].Value));
        }

        result.Append(text, copied, text.Length - copied);
        return (result.ToString(), marks);
    }
}
