using OracleBot.Answers.Text;

namespace OracleBot.Answers.Knowledge;

/// <summary>
/// A run of whole sentences of one document: the unit that is indexed, retrieved and cited.
/// Offsets point into <see cref="KnowledgeDocument.Body"/> so the text is held once.
/// </summary>
/// <param name="Id"><c>&lt;documentId&gt;#p&lt;n&gt;</c>, n counting from 1.</param>
/// <param name="Ordinal">Position among all passages of the knowledge base; the index stores it.</param>
/// <param name="Heading">The question line of the reference-page section the passage belongs to, if any.</param>
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
