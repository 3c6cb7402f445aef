using System.Text.RegularExpressions;
using OracleBot.Answers.Indexing;

namespace OracleBot.Answers.Text;

/// <summary>
/// Abbreviations a document defines as something other than the clinical vocabulary's expansion. Abstracts
/// define their abbreviations on first use, and the same letters name different things: an emergency-medicine
/// study's "Pediatric-Emergencies (PE)" is not a pulmonary embolism, so its "PE" must not make it a source on
/// pulmonary embolism. Only the vocabulary's abbreviations are read. A definition counts as another meaning
/// only when none of the expansion's words stand before it, since writers vary the standard wording
/// ("hemoglobin A1c (HbA1c)" is the vocabulary's "glycated hemoglobin"); one definition in the vocabulary's
/// sense keeps the abbreviation's meaning for the whole document.
/// </summary>
internal static partial class AbbreviationDefinitions
{
    // How far before "(ABBR)" the defined words are looked for: the longest expansion and some slack.
    private const int DefinitionReach = 60;

    private static readonly Dictionary<string, string[]> ExpansionStems = ClinicalVocabulary.Abbreviations
        .GroupBy(a => a.Abbreviation, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => StemsOf(g.First().Expansion), StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    /// <summary>The vocabulary's abbreviations that <paramref name="text"/> defines only as something else; empty for most texts.</summary>
    public static IReadOnlySet<string> DefinedOtherwise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        HashSet<string>? otherwise = null, asVocabulary = null;
        foreach (Match match in Definition().Matches(text))
        {
            var abbreviation = match.Groups[1].Value;
            if (!ExpansionStems.TryGetValue(abbreviation, out var stems))
            {
                continue;
            }

            var start = Math.Max(0, match.Index - DefinitionReach);
            var before = text[start..match.Index];
            var matchesVocabulary = Array.Exists(stems, s => before.Contains(s, StringComparison.OrdinalIgnoreCase));
            (matchesVocabulary ? asVocabulary ??= new(StringComparer.Ordinal) : otherwise ??= new(StringComparer.Ordinal)).Add(abbreviation);
        }

        if (otherwise is null)
        {
            return EmptySet;
        }

        if (asVocabulary is not null)
        {
            otherwise.ExceptWith(asVocabulary);
        }

        return otherwise;
    }

    /// <summary><paramref name="text"/> with the whole-word uses of <paramref name="abbreviations"/> blanked, for reading its terms.</summary>
    public static string WithoutAbbreviations(string text, IReadOnlySet<string> abbreviations)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(abbreviations);
        return abbreviations.Count == 0
            ? text
            : AbbreviationWord().Replace(text, m => abbreviations.Contains(m.Value) ? new string(' ', m.Length) : m.Value);
    }

    // The start of each content word of the expansion, short enough to meet its plural and adjective forms
    // ("emboli", "fibrillating"); words of one or two letters ("of", "2") would be found anywhere.
    private static string[] StemsOf(string expansion) =>
        [.. expansion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).Select(w => w.Length > 5 ? w[..5] : w)];

    [GeneratedRegex(@"\(([A-Za-z][A-Za-z0-9]{1,7})\)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9]{1,7}\b")]
    private static partial Regex AbbreviationWord();
}
