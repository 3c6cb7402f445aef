using OracleBot.Answers.Indexing;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// What the local library knows about words, for building PubMed queries: rarity from the index, stop words
/// from its analyser, and the MeSH headings its records carry.
/// </summary>
internal sealed class LibraryVocabulary(KnowledgeIndex index) : IPubMedVocabulary
{
    private HashSet<string>? _meshes;

    public float? Idf(string word)
    {
        var terms = MedicalTextAnalyzer.Terms(index.Analyzer, word, 8);
        return terms.Count == 0 ? null : terms.Max(index.Impacts.TextIdf);
    }

    public bool Knows(string word) => MedicalTextAnalyzer.Terms(index.Analyzer, word, 8).Exists(index.Impacts.Contains);

    public bool IsMeshHeading(string phrase)
    {
        var meshes = _meshes ??= new HashSet<string>(
            index.Store.Documents.SelectMany(d => d.Meshes).Select(m => m.ToLowerInvariant()), StringComparer.Ordinal);
        return meshes.Contains(phrase);
    }
}
