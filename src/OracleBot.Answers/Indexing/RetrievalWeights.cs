using Lucene.Net.Index;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// How the fields of the passage index add up to a passage's score, and BM25's parameters.
/// A passage scores by its own text, its document's title and MeSH terms, and — on the document's first
/// passage — the whole document. The whole-document match carries most weight: on abstracts it ranks the
/// right document best (PubMedQA, SciFact), while the passage part picks the section of a long reference
/// page that answers the question.
/// </summary>
internal static class RetrievalWeights
{
    // k1 0.9 and b 0.4 are the Anserini/BEIR settings for BM25 on abstracts; Lucene's 1.2/0.75 over-penalise
    // long abstracts, whose length reflects detail rather than topic drift.
    public const float K1 = 0.9f;
    public const float B = 0.4f;

    public static float PassageBoost { get; } = Tune("PB", 0.5f);

    public static float TitleBoost { get; } = Tune("TB", 0.5f);

    public static float DocumentBoost { get; } = Tune("DB", 1.0f);

    public static ImpactIndex BuildImpacts(AtomicReader reader) =>
        ImpactIndex.Build(reader, [(IndexFields.Text, PassageBoost), (IndexFields.Title, TitleBoost)], (IndexFields.Document, DocumentBoost), Tune("K1", K1), Tune("B", B));

    private static float Tune(string name, float value) =>
        float.TryParse(Environment.GetEnvironmentVariable("OB_" + name), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : value;
}
