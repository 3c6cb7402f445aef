using Lucene.Net.Index;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// How the fields of the passage index add up to a passage's score, and BM25's parameters.
/// A passage scores by its own text, its document's title and MeSH terms, and its whole document. The
/// whole-document match carries most weight: it ranks the right abstract first (PubMedQA, SciFact), while
/// the passage part decides which section of a long reference page leads. Chosen on PubMedQA dev and
/// SciFact train together (see README, "Answer engine"); neighbouring values move either by ≤ 0.005.
/// </summary>
internal static class RetrievalWeights
{
    // k1 0.9 is the Anserini/BEIR setting for abstracts; b 0.7 (between Anserini's 0.4 and Lucene's 0.75)
    // because the whole-document field mixes one-paragraph abstracts with long multi-section NIH pages.
    public const float K1 = 0.9f;
    public const float B = 0.7f;
    public const float PassageBoost = 0.1f;
    public const float TitleBoost = 0.4f;
    public const float DocumentBoost = 1.0f;

    /// <summary>The settings as stored beside derived data, which is stale when they differ.</summary>
    public static IReadOnlyList<float> Signature { get; } = [K1, B, PassageBoost, TitleBoost, DocumentBoost];

    public static ImpactIndex BuildImpacts(AtomicReader reader) =>
        ImpactIndex.Build(reader, [(IndexFields.Text, PassageBoost), (IndexFields.Title, TitleBoost)], (IndexFields.Document, DocumentBoost), K1, B);
}
