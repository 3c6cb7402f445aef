using OracleBot.Answers.Text;

namespace OracleBot.Answers.Knowledge;

/// <summary>
/// A run of whole sentences of one document: the unit that is indexed, retrieved and cited.
/// Offsets point into <see cref="KnowledgeDocument.Body"/> so the text is held once.
/// </summary>
/// <param name="Id"><c>&lt;documentId&gt;#p&lt;n&gt;</c>, n counting from 1.</param>
/// <param name="Ordinal">Position among all passages of the knowledge base; the index stores it.</param>
/// <param name="Heading">The innermost heading of the section the passage belongs to (a reference page's question line,
/// a summary's Markdown heading), if any.</param>
/// <param name="Sentences">The passage's sentences, as ranges of the document body.</param>
public sealed record Passage(
    string Id,
    int Ordinal,
    KnowledgeDocument Document,
    TextRange Range,
    string? Heading,
    IReadOnlyList<TextRange> Sentences)
{
    public string Text => Range.Slice(Document.Body);

    /// <summary>The headings above the passage, outermost first; empty when the document has none.</summary>
    public IReadOnlyList<string> HeadingPath { get; init; } = [];

    /// <summary>
    /// The level of evidence the source gives for a statement of this passage, e.g. <c>C2</c>; several
    /// ratings are joined with "; ". Null when the source rates none of it.
    /// </summary>
    public string? EvidenceLevelFor(TextRange statement)
    {
        List<string>? levels = null;
        foreach (var mark in Document.EvidenceMarks)
        {
            // A tag follows the statement it rates (or the phrase, inside a sentence), so a mark at the very
            // end of the statement belongs to it and one at its start belongs to the sentence before.
            if (mark.Offset > statement.Start && mark.Offset <= statement.End)
            {
                levels ??= [];
                if (!levels.Contains(mark.Level))
                {
                    levels.Add(mark.Level);
                }
            }
        }

        return levels is null ? null : string.Join("; ", levels);
    }

    // A passage is identified by its id and place in the knowledge base. The generated record equality would
    // compare (and hash) the whole document text, and passages are hashed on every answer.
    public bool Equals(Passage? other) =>
        other is not null && Ordinal == other.Ordinal && string.Equals(Id, other.Id, StringComparison.Ordinal);

    public override int GetHashCode() => Ordinal;

    public int WordCount => CountWords(Document.Body.AsSpan(Range.Start, Range.Length));

    /// <summary>Words separated by white space: the measure used to size passages.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }
}
