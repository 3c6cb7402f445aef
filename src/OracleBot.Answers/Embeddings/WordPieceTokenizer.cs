using System.Globalization;
using System.Text;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// BERT's uncased tokenizer (basic splitting, then WordPiece over the model's vocabulary), the one
/// all-MiniLM-L6-v2 was trained with: text is cleaned of control characters, lower-cased, stripped of
/// accents, split on white space and punctuation (CJK characters stand alone), and each word becomes its
/// longest vocabulary pieces, continuation pieces marked <c>##</c>; a word that cannot be pieced is <c>[UNK]</c>.
/// </summary>
internal sealed class WordPieceTokenizer
{
    private const int MaxWordChars = 100;
    private const string ContinuationPrefix = "##";

    // BERT strips accents by decomposing (NFD) and dropping the marks, but with invariant globalization
    // string.Normalize leaves text as it is. So the accented Latin letters (lower case U+00E0–U+017F) map to
    // their base letter here, precomputed from Unicode's decompositions; letters with none (æ, ø, ł …) stay.
    private const char LatinFrom = '\u00E0';
    private const char LatinTo = '\u017F';
    private const string LatinBase = "aaaaaaæceeeeiiiiðnooooo÷øuuuuyþyAaAaAaCcCcCcCcDdĐđEeEeEeEeEeGgGgGgGgHhĦħIiIiIiIiIıĲĳJjKkĸLlLlLlĿŀŁłNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtŦŧUuUuUuUuUuUuWwYyYZzZzZzſ";
    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordPieceTokenizer(IEnumerable<string> vocabularyLines)
    {
        ArgumentNullException.ThrowIfNull(vocabularyLines);
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in vocabularyLines)
        {
            // The id of a token is its line number (from 0); a repeated line keeps its first id.
            _vocabulary.TryAdd(line.TrimEnd('\r'), lineNumber++);
        }

        _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        ClassifierId = Id("[CLS]");
        SeparatorId = Id("[SEP]");
        UnknownId = Id("[UNK]");
    }

    public int ClassifierId { get; }

    public int SeparatorId { get; }

    public int UnknownId { get; }

    public int VocabularySize => _vocabulary.Count;

    /// <summary>
    /// <c>[CLS]</c>, the pieces of <paramref name="text"/> and <c>[SEP]</c>, at most <paramref name="maxTokens"/>
    /// ids in all: a longer text keeps its beginning, as the model's own truncation does.
    /// </summary>
    public List<int> Encode(string text, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        var ids = new List<int>(Math.Min(maxTokens, 256)) { ClassifierId };
        var budget = maxTokens - 1;
        var word = new StringBuilder(32);
        foreach (var c in Normalise(text ?? string.Empty))
        {
            if (ids.Count >= budget)
            {
                break;
            }

            if (c == ' ')
            {
                AddWord(word, ids, budget);
            }
            else if (IsPunctuation(c) || IsCjk(c))
            {
                AddWord(word, ids, budget);
                word.Append(c);
                AddWord(word, ids, budget);
            }
            else
            {
                word.Append(c);
            }
        }

        AddWord(word, ids, budget);
        ids.Add(SeparatorId);
        return ids;
    }

    private int Id(string token) =>
        _vocabulary.TryGetValue(token, out var id) ? id : throw new InvalidDataException($"The vocabulary has no {token} token.");

    private void AddWord(StringBuilder word, List<int> ids, int budget)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();
        if (text.Length > MaxWordChars)
        {
            ids.Add(UnknownId);
            return;
        }

        var start = ids.Count;
        Span<char> piece = stackalloc char[MaxWordChars + ContinuationPrefix.Length];
        ContinuationPrefix.CopyTo(piece);
        for (var from = 0; from < text.Length;)
        {
            var found = -1;
            var to = text.Length;
            for (; to > from; to--)
            {
                var candidate = from == 0 ? text.AsSpan(0, to) : Continuation(piece, text.AsSpan(from, to - from));
                if (_lookup.TryGetValue(candidate, out var id))
                {
                    found = id;
                    break;
                }
            }

            if (found < 0)
            {
                ids.RemoveRange(start, ids.Count - start);
                ids.Add(UnknownId);
                return;
            }

            ids.Add(found);
            from = to;
        }

        if (ids.Count > budget)
        {
            ids.RemoveRange(budget, ids.Count - budget);
        }
    }

    private static ReadOnlySpan<char> Continuation(Span<char> buffer, ReadOnlySpan<char> rest)
    {
        rest.CopyTo(buffer[ContinuationPrefix.Length..]);
        return buffer[..(ContinuationPrefix.Length + rest.Length)];
    }

    // Cleaning, lower-casing and accent stripping; white space of any kind becomes one space.
    private static IEnumerable<char> Normalise(string text)
    {
        foreach (var original in text.ToLowerInvariant())
        {
            var c = original is >= LatinFrom and <= LatinTo ? LatinBase[original - LatinFrom] : original;
            if (c is '\t' or '\n' or '\r' || char.IsWhiteSpace(c))
            {
                yield return ' ';
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (c == '\0' || c == '\uFFFD' || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            yield return c;
        }
    }

    // BERT counts every non-alphanumeric ASCII symbol as punctuation (so "$" and "^" split words), and Unicode punctuation.
    private static bool IsPunctuation(char c) =>
        c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~')
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
