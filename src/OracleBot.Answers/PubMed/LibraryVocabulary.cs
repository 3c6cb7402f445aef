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

    public string? Stem(string word)
    {
        var terms = MedicalTextAnalyzer.Terms(index.Analyzer, word, 2);
        return terms.Count == 1 && terms[0].Length < word.Length && word.StartsWith(terms[0], StringComparison.OrdinalIgnoreCase) ? terms[0] : null;
    }

    public bool IsMeshHeading(string phrase) => Meshes().Contains(phrase);

    /// <summary>Reads the MeSH headings once, ahead of the first question.</summary>
    public void Prepare() => Meshes();

    private HashSet<string> Meshes() => _meshes ??= new HashSet<string>(
        index.Store.Documents.SelectMany(d => d.Meshes).Select(m => m.ToLowerInvariant()), StringComparer.Ordinal);
}
