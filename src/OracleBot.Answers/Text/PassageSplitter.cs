using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Text;

/// <summary>
/// Cuts a document into passages of whole sentences, about 120–250 words each, so a citation points at
/// the few sentences that support a statement rather than at a whole reference page. A question line
/// ("What are the symptoms of … ?") opens a new section: passages never straddle two sections, and each
/// passage remembers the question its section answers.
/// </summary>
public static class PassageSplitter
{
    internal const int TargetWords = 150;
    internal const int MaxWords = 250;
    internal const int MaxSentences = 6;
    internal const int MinSentencesBeforeCut = 3;
    private const int SmallTailWords = 50;
    private const int MaxQuestionLineWords = 30;

    /// <param name="firstOrdinal">Ordinal of the first passage in the whole knowledge base.</param>
    public static List<Passage> Split(KnowledgeDocument document, int firstOrdinal = 0)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = document.Body;
        var passages = new List<Passage>();
        foreach (var (heading, range) in Sections(body))
        {
            var sentences = SentenceSplitter.Split(body, range);
            var sectionStart = passages.Count;
            var current = new List<TextRange>();
            var words = 0;
            foreach (var sentence in sentences)
            {
                var w = Passage.CountWords(body.AsSpan(sentence.Start, sentence.Length));
                if (current.Count > 0 && words + w > MaxWords && words >= SmallTailWords)
                {
                    Flush();
                }

                current.Add(sentence);
                words += w;
                if (words >= TargetWords && current.Count >= MinSentencesBeforeCut || current.Count >= MaxSentences && words >= TargetWords / 2)
                {
                    Flush();
                }
            }

            if (current.Count > 0)
            {
                // A short tail reads better as the end of the previous passage than as a passage of its own.
                if (words < SmallTailWords && passages.Count > sectionStart
                    && passages[^1].WordCount + words <= MaxWords + SmallTailWords)
                {
                    var previous = passages[^1];
                    passages[^1] = previous with
                    {
                        Range = new TextRange(previous.Range.Start, current[^1].End - previous.Range.Start),
                        Sentences = [.. previous.Sentences, .. current],
                    };
                }
                else
                {
                    Flush();
                }
            }

            void Flush()
            {
                var start = current[0].Start;
                passages.Add(new Passage(
                    $"{document.Id}#p{passages.Count + 1}",
                    firstOrdinal + passages.Count,
                    document,
                    new TextRange(start, current[^1].End - start),
                    heading,
                    [.. current])
                {
                    HeadingPath = heading is null ? [] : [heading],
                });
                current.Clear();
                words = 0;
            }
        }

        return passages;
    }

    /// <summary>Splits a body on its question lines; text before the first question has no heading.</summary>
    internal static IEnumerable<(string? Heading, TextRange Range)> Sections(string body)
    {
        string? heading = null;
        var sectionStart = 0;
        var lineStart = 0;
        while (lineStart <= body.Length)
        {
            var newline = body.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? body.Length : newline;
            if (IsQuestionLine(body.AsSpan(lineStart, lineEnd - lineStart).Trim()))
            {
                if (HasText(body, sectionStart, lineStart))
                {
                    yield return (heading, new TextRange(sectionStart, lineStart - sectionStart));
                }

                heading = NormaliseQuestion(body.AsSpan(lineStart, lineEnd - lineStart));
                sectionStart = lineStart;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (HasText(body, sectionStart, body.Length))
        {
            yield return (heading, new TextRange(sectionStart, body.Length - sectionStart));
        }
    }

    /// <summary>
    /// Tidies a question line for display: "What is (are) Hairy Cell Leukemia ?" becomes
    /// "What is Hairy Cell Leukemia?". Only spacing and MedQuAD's "(are)" marker change.
    /// </summary>
    public static string NormaliseQuestion(ReadOnlySpan<char> line)
    {
        var text = line.Trim().ToString().Replace(" is (are) ", " is ", StringComparison.Ordinal);
        text = text.TrimEnd('?', ' ').TrimEnd() + "?";
        return text.Length > 1 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static bool IsQuestionLine(ReadOnlySpan<char> line) =>
        line.Length > 3 && line[^1] == '?' && Passage.CountWords(line) <= MaxQuestionLineWords;

    private static bool HasText(string body, int start, int end) =>
        !body.AsSpan(start, end - start).IsWhiteSpace();
}
