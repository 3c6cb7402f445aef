using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Text;

/// <summary>
/// Cuts a document into passages of whole sentences, about 120–250 words each, so a citation points at
/// the few sentences that support a statement rather than at a whole reference page. A question line
/// ("What are the symptoms of … ?") opens a new section: passages never straddle two sections, and each
/// passage remembers the question its section answers. In Markdown (PDQ summaries) the headings split the
/// sections instead, and each passage remembers its heading path; table rows and the summaries' boilerplate
/// sections (clinical-trial search notes, change logs) are not quoted.
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
        var markdown = MarkdownText.IsMarkdown(body);
        foreach (var (path, range) in markdown ? MarkdownSections(body) : Sections(body))
        {
            var heading = path.Count > 0 ? path[^1] : null;
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
                    HeadingPath = path,
                });
                current.Clear();
                words = 0;
            }
        }

        return passages;
    }

    /// <summary>Splits a body on its question lines; text before the first question has no heading.</summary>
    internal static IEnumerable<(IReadOnlyList<string> Path, TextRange Range)> Sections(string body)
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
                    yield return (PathOf(heading), new TextRange(sectionStart, lineStart - sectionStart));
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
            yield return (PathOf(heading), new TextRange(sectionStart, body.Length - sectionStart));
        }

        static string[] PathOf(string? heading) => heading is null ? [] : [heading];
    }

    /// <summary>
    /// Splits a Markdown body on its headings. A section's text excludes its heading line; its path holds
    /// the headings above it, outermost first. Table rows, boilerplate sections and everything below them are left out.
    /// </summary>
    internal static IEnumerable<(IReadOnlyList<string> Path, TextRange Range)> MarkdownSections(string body)
    {
        var stack = new List<(int Level, string Text)>();
        string[] path = [];
        var skipped = false;
        var sectionStart = 0;
        var lineStart = 0;
        while (lineStart <= body.Length)
        {
            var newline = body.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? body.Length : newline;
            var line = body.AsSpan(lineStart, lineEnd - lineStart).Trim();
            var (level, text) = MarkdownText.Heading(line);
            if (MarkdownText.IsTableRow(line))
            {
                // Table cells are not sentences; the prose on either side stays in the section.
                if (!skipped && HasText(body, sectionStart, lineStart))
                {
                    yield return (path, new TextRange(sectionStart, lineStart - sectionStart));
                }

                sectionStart = newline < 0 ? body.Length : newline + 1;
            }
            else if (level > 0)
            {
                if (!skipped && HasText(body, sectionStart, lineStart))
                {
                    yield return (path, new TextRange(sectionStart, lineStart - sectionStart));
                }

                stack.RemoveAll(h => h.Level >= level);
                stack.Add((level, text));
                path = [.. stack.Select(h => h.Text)];
                skipped = stack.Exists(h => IsBoilerplate(h.Text));
                sectionStart = newline < 0 ? body.Length : newline + 1;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (!skipped && HasText(body, sectionStart, body.Length))
        {
            yield return (path, new TextRange(sectionStart, body.Length - sectionStart));
        }
    }

    // The same in every PDQ summary: a pointer to NCI's trial search, and the log of editorial changes.
    private static bool IsBoilerplate(string heading) =>
        heading.Equals("Current Clinical Trials", StringComparison.OrdinalIgnoreCase)
        || heading.StartsWith("Latest Updates to This Summary", StringComparison.OrdinalIgnoreCase);

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
