using System.Text.RegularExpressions;

namespace OracleBot.Answers.Text;

/// <summary>
/// Recognises the labels that open abstract sections ("Background:", "Results:") and reference-page
/// lists ("Key Points -", "- "), so a quoted sentence can start at its first real word.
/// </summary>
public static partial class SectionLabels
{
    /// <summary>How many leading characters of <paramref name="sentence"/> are a label and its separator.</summary>
    public static int LeadingLabelLength(ReadOnlySpan<char> sentence)
    {
        var total = 0;
        // Labels can stack, e.g. "Key Points - - Adult ALL is …" after list joins.
        for (var guard = 0; guard < 3; guard++)
        {
            var match = Label().EnumerateMatches(sentence[total..]);
            if (!match.MoveNext())
            {
                break;
            }

            total += match.Current.Length;
        }

        return total;
    }

    public static ReadOnlySpan<char> StripLeading(ReadOnlySpan<char> text) => text[LeadingLabelLength(text)..];

    // An abstract label is one to four capitalised words then a colon; list bullets are a dash or bullet.
    [GeneratedRegex(@"^\s*(?:[A-Z][A-Za-z]+(?: [A-Za-z&]+){0,3}:\s+|(?:BACKGROUND|CONTEXT|IMPORTANCE|INTRODUCTION|PURPOSE|AIMS?|OBJECTIVES?|DESIGN|SETTINGS?|PARTICIPANTS|PATIENTS|SUBJECTS|INTERVENTIONS?|EXPOSURES?|MEASUREMENTS|MAIN OUTCOME MEASURES?|(?:MATERIALS? AND )?METHODS?(?: AND RESULTS)?|RESULTS|FINDINGS|INTERPRETATION|CONCLUSIONS?(?: AND RELEVANCE)?|FUNDING)\s+(?=[A-Z(])|Key Points\s+-\s+|[-\u2022]\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
