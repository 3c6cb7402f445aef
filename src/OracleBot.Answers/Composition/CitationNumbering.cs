using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Composition;

/// <summary>Numbers cited passages 1..n in order of first use and builds their citations.</summary>
internal sealed class CitationNumbering
{
    /// <summary>Joins a citation's heading path: "Treatment Option Overview › Surgical Cytoreduction for Metastases".</summary>
    public const string SectionSeparator = " \u203A ";

    private const int ExcerptChars = 300;
    private readonly List<Citation> _citations = [];
    private readonly List<List<string>> _levels = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public IReadOnlyList<Citation> Citations => _citations;

    public IReadOnlyCollection<string> CitedPassageIds => _numbers.Keys;

    /// <summary>The citation of a passage for a statement that is not a quotation of one of its sentences.</summary>
    public int NumberFor(Passage passage) => NumberFor(passage, null);

    /// <summary>
    /// The citation of a passage for a statement quoted from it: the level of evidence the source gives for
    /// the quoted sentence joins the citation's evidence label.
    /// </summary>
    public int NumberFor(Passage passage, string? quoted)
    {
        var level = quoted is not null && QuotedSentence(passage, quoted) is { } sentence ? passage.EvidenceLevelFor(sentence) : null;
        if (!_numbers.TryGetValue(passage.Id, out var number))
        {
            number = _citations.Count + 1;
            _numbers[passage.Id] = number;
            var document = passage.Document;
            _citations.Add(new Citation(
                number, document.Id, passage.Id, document.DisplayTitle, document.Kind, document.Source,
                document.Year, document.Url, document.License, Excerpt(passage),
                passage.HeadingPath.Count > 0 ? string.Join(SectionSeparator, passage.HeadingPath) : null,
                EvidenceLabels.For(document),
                document.Updated));
            _levels.Add([]);
        }

        // Several statements may quote one passage; the citation names each level of evidence they carry.
        var levels = _levels[number - 1];
        if (level is not null && !levels.Contains(level))
        {
            levels.Add(level);
            var citation = _citations[number - 1];
            _citations[number - 1] = citation with { Evidence = EvidenceLabels.Combine(EvidenceLabels.For(passage.Document), levels) };
        }

        return number;
    }

    /// <summary>The sentence of the passage a statement quotes, compared without regard to spacing.</summary>
    internal static TextRange? QuotedSentence(Passage passage, string quoted)
    {
        var wanted = Collapse(quoted);
        foreach (var sentence in passage.Sentences)
        {
            if (string.Equals(Collapse(sentence.Slice(passage.Document.Body)), wanted, StringComparison.Ordinal))
            {
                return sentence;
            }
        }

        return null;
    }

    /// <summary>The passage without its section question line, cut on a word boundary near 300 characters.</summary>
    internal static string Excerpt(Passage passage)
    {
        var body = passage.Document.Body;
        var first = passage.Sentences.FirstOrDefault(s => body[s.End - 1] != '?');
        var start = passage.Sentences.Count > 0 && first != default ? first.Start : passage.Range.Start;
        var text = body.AsSpan(start, passage.Range.End - start).ToString().ReplaceLineEndings(" ");
        if (text.Length <= ExcerptChars)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', ExcerptChars);
        return text[..(cut > ExcerptChars / 2 ? cut : ExcerptChars)].TrimEnd(',', ';', ':', ' ') + "\u2026";
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
