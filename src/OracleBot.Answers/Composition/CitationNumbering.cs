using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Composition;

/// <summary>Numbers cited passages 1..n in order of first use and builds their citations.</summary>
internal sealed class CitationNumbering
{
    private const int ExcerptChars = 300;
    private readonly List<Citation> _citations = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public IReadOnlyList<Citation> Citations => _citations;

    public IReadOnlyCollection<string> CitedPassageIds => _numbers.Keys;

    public int NumberFor(Passage passage)
    {
        if (_numbers.TryGetValue(passage.Id, out var number))
        {
            return number;
        }

        number = _citations.Count + 1;
        _numbers[passage.Id] = number;
        var document = passage.Document;
        _citations.Add(new Citation(
            number, document.Id, passage.Id, document.DisplayTitle, document.Kind, document.Source,
            document.Year, document.Url, document.License, Excerpt(passage)));
        return number;
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
}
