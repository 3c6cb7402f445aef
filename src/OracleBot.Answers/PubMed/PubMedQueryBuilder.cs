using System.Text;
using System.Text.RegularExpressions;
using OracleBot.Answers.Privacy;

namespace OracleBot.Answers.PubMed;

/// <summary>What one of the parallel searches looks for.</summary>
public enum PubMedSearchKind
{
    Guideline,
    Review,
    Trial,
    BestMatch,
}

/// <param name="Term">The E-utilities <c>term</c>, field-tagged.</param>
public sealed record PubMedSearch(PubMedSearchKind Kind, string Term);

/// <summary>What the query builder knows about words from the local library.</summary>
public interface IPubMedVocabulary
{
    /// <summary>How rare the word is in the local library (higher is rarer); null for a stop word.</summary>
    float? Idf(string word);

    /// <summary>True when the local library uses the word at all.</summary>
    bool Knows(string word);

    /// <summary>True when <paramref name="phrase"/> (lower case) is a MeSH heading the library's records carry.</summary>
    bool IsMeshHeading(string phrase);

    /// <summary>The word's stem when it is a shorter prefix of the word ("ventilated" → "ventil"), else null.</summary>
    string? Stem(string word);
}

/// <summary>
/// Turns the standalone retrieval query (after thread rewriting, never the raw message) into PubMed searches.
/// Only topic terms leave: patient identifiers are removed by <see cref="PatientIdentifiers"/> first, then only
/// words survive — no numbers of four or more digits, no stop words, no capitalised word the library does not
/// know (names are capitalised; drug and disease names the library knows are kept) and nothing after a title
/// such as "Mrs". The rarest few terms are searched in titles and abstracts (<c>[tiab]</c>, truncated to their stem), a phrase that is
/// a MeSH heading also as <c>[mh]</c>, in four searches: guidelines, systematic reviews and meta-analyses,
/// randomized trials (those three limited to recent years) and best match overall; all limited to humans and
/// excluding retracted publications.
/// </summary>
public static partial class PubMedQueryBuilder
{
    /// <summary>Terms ANDed in one search: more finds nothing in PubMed, fewer finds everything.</summary>
    public const int MaxTerms = 3;

    private const int MaxInputChars = 2000;
    private const int MaxMeshWords = 3;
    private const int MinStem = 4;

    // Words a question asks with rather than words naming its topic ("is it safe?", "still necessary?"): ANDed
    // into a search they only lose the records that answer it.
    private static readonly HashSet<string> AskingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "able", "accurate", "ask", "asked", "asks", "know", "question", "tell", "wonder", "wondering", "always", "among", "appropriate", "associated", "association", "benefit", "beneficial", "best",
        "better", "compared", "concern", "consequence", "correlation", "dangerous", "data", "difference", "differences",
        "effect", "effective", "effects", "efficacious", "efficacy", "equal", "evidence", "good", "help", "impact",
        "important", "improve", "improvement", "increase", "increased", "influence", "necessary", "need", "new",
        "often", "outcome", "outcomes", "patient", "patients", "people", "possible", "potential", "really",
        "relevant", "reliable", "result", "results", "role", "safe", "still", "study", "useful", "value", "versus", "worse",
    };

    // The labels identifiers come with: with the identifier removed, the label still says one was there.
    private static readonly HashSet<string> IdentifierLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "dob", "d.o.b", "mrn", "nhs", "urn", "chi", "ssn", "phone", "telephone", "tel", "mobile", "email", "e-mail", "address",
        "name", "named", "born", "record", "chart", "bed", "room", "ward",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase) { "mr", "mrs", "ms", "miss", "mx", "dr", "master" };

    /// <summary>The topic terms that would be sent for <paramref name="text"/>, rarest first; empty when none.</summary>
    public static IReadOnlyList<string> TopicTerms(string text, IPubMedVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var redacted = PatientIdentifiers.Redact(text.Length > MaxInputChars ? text[..MaxInputChars] : text);
        var words = new List<(string Word, float Idf, int Position)>();
        var previous = string.Empty;
        var position = 0;
        foreach (Match match in Word().Matches(redacted))
        {
            var word = match.Value.Trim('-', '\'');
            var afterTitle = Titles.Contains(previous);
            previous = word.TrimEnd('.');
            if (word.Length < 2 || afterTitle || word.Count(char.IsAsciiDigit) >= 4 || IsRemovedMarker(redacted, match))
            {
                continue;
            }

            if (AskingWords.Contains(word) || IdentifierLabels.Contains(word) || vocabulary.Idf(word) is not { } idf)
            {
                continue; // a stop word
            }

            var capitalised = char.IsUpper(word[0]) && !IsAbbreviation(word);
            if (capitalised && !vocabulary.Knows(word))
            {
                continue; // possibly a name
            }

            var lower = IsAbbreviation(word) ? word : word.ToLowerInvariant();
            if (!words.Exists(w => string.Equals(w.Word, lower, StringComparison.Ordinal)))
            {
                words.Add((lower, idf, position++));
            }
        }

        return [.. words.OrderByDescending(w => w.Idf).ThenBy(w => w.Position).Take(MaxTerms).OrderBy(w => w.Position).Select(w => w.Word)];
    }

    /// <summary>The four searches for the query; empty when no topic term survives.</summary>
    /// <param name="today">The current year, for the recent-years limit.</param>
    public static IReadOnlyList<PubMedSearch> Build(string query, IPubMedVocabulary vocabulary, int recentYears, int today)
    {
        var terms = TopicTerms(query ?? string.Empty, vocabulary);
        if (terms.Count == 0)
        {
            return [];
        }

        var topic = Topic(terms, vocabulary);
        var common = $"{topic} AND humans[mh] NOT \"retracted publication\"[pt]";
        var recent = $" AND {today - recentYears + 1}:{today}[dp]";
        return
        [
            new(PubMedSearchKind.Guideline, $"{common} AND (\"practice guideline\"[pt] OR \"guideline\"[pt]){recent}"),
            new(PubMedSearchKind.Review, $"{common} AND (\"systematic review\"[pt] OR \"meta-analysis\"[pt]){recent}"),
            new(PubMedSearchKind.Trial, $"{common} AND \"randomized controlled trial\"[pt]{recent}"),
            new(PubMedSearchKind.BestMatch, common),
        ];
    }

    // Consecutive terms that form a MeSH heading are searched as the heading or as words; the rest as words.
    private static string Topic(IReadOnlyList<string> terms, IPubMedVocabulary vocabulary)
    {
        var parts = new List<string>();
        for (var i = 0; i < terms.Count;)
        {
            var taken = 0;
            for (var n = Math.Min(MaxMeshWords, terms.Count - i); n >= 1 && taken == 0; n--)
            {
                var phrase = string.Join(' ', terms.Skip(i).Take(n)).ToLowerInvariant();
                if (vocabulary.IsMeshHeading(phrase))
                {
                    var words = string.Join(" AND ", terms.Skip(i).Take(n).Select(t => Words(t, vocabulary)));
                    parts.Add($"(\"{phrase}\"[mh] OR {(n == 1 ? words : "(" + words + ")")})");
                    taken = n;
                }
            }

            if (taken == 0)
            {
                parts.Add(Words(terms[i], vocabulary));
                taken = 1;
            }

            i += taken;
        }

        var topic = new StringBuilder();
        foreach (var part in parts)
        {
            topic.Append(topic.Length == 0 ? string.Empty : " AND ").Append(part);
        }

        return parts.Count == 1 ? topic.ToString() : "(" + topic + ")";
    }

    // PubMed does not stem field-tagged words; a truncated stem finds "ventilation" for "ventilated". PubMed needs
    // at least four letters before the asterisk.
    private static string Words(string term, IPubMedVocabulary vocabulary) =>
        !IsAbbreviation(term) && vocabulary.Stem(term) is { Length: >= MinStem } stem ? stem + "*[tiab]" : term + "[tiab]";

    private static bool IsAbbreviation(string word) => word.Length >= 2 && word.Count(char.IsUpper) >= 2;

    private static bool IsRemovedMarker(string text, Match match) =>
        match.Index > 0 && text[match.Index - 1] == '[' && match.Value == "removed";

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9'\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
