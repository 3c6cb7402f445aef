using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// What of a passage is embedded: its document's title (when the data has a real one), the section heading,
/// then the passage text, read by the model up to the configured token budget. The start of a passage
/// carries its topic, and the model was trained on texts of up to 128 tokens.
/// </summary>
internal static class EmbeddingText
{
    /// <summary>Bump when the text embedded for a passage changes, so stored vectors are recomputed.</summary>
    public const int Recipe = 1;

    public static string Of(Passage passage)
    {
        var document = passage.Document;
        var title = string.Equals(document.Title.Trim(), document.DisplayTitle, StringComparison.Ordinal) ? document.DisplayTitle : null;
        return (title, passage.Heading) switch
        {
            (null, null) => passage.Text,
            (null, { } heading) => heading + "\n" + passage.Text,
            ({ } t, null) => t + "\n" + passage.Text,
            ({ } t, { } heading) => t + "\n" + heading + "\n" + passage.Text,
        };
    }
}
