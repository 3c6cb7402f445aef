using OracleBot.Answers.Text;

namespace OracleBot.Answers.Knowledge;

/// <summary>
/// The knowledge base in memory: documents by id and passages by ordinal. The search index stores only
/// passage ordinals, so everything a citation needs is read from here.
/// </summary>
public sealed class KnowledgeStore
{
    private readonly Dictionary<string, KnowledgeDocument> _documents;
    private readonly Passage[] _passages;
    private readonly Dictionary<string, Passage[]> _passagesByDocument;

    private KnowledgeStore(Dictionary<string, KnowledgeDocument> documents, Passage[] passages)
    {
        _documents = documents;
        _passages = passages;
        _passagesByDocument = passages.GroupBy(p => p.Document.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public int DocumentCount => _documents.Count;

    public IReadOnlyList<Passage> Passages => _passages;

    public IEnumerable<KnowledgeDocument> Documents => _documents.Values;

    public KnowledgeDocument? FindDocument(string id) => _documents.GetValueOrDefault(id);

    public IReadOnlyList<Passage> PassagesOf(string documentId) =>
        _passagesByDocument.TryGetValue(documentId, out var passages) ? passages : [];

    public Passage? FindPassage(string passageId)
    {
        var hash = passageId.LastIndexOf("#p", StringComparison.Ordinal);
        if (hash < 0 || !int.TryParse(passageId.AsSpan(hash + 2), out var n))
        {
            return null;
        }

        var passages = PassagesOf(passageId[..hash]);
        return n >= 1 && n <= passages.Count ? passages[n - 1] : null;
    }

    /// <summary>Builds the store from documents; a repeated id keeps the first document and reports the rest.</summary>
    public static KnowledgeStore Create(IEnumerable<KnowledgeDocument> documents, Action<string>? duplicate = null)
    {
        var byId = new Dictionary<string, KnowledgeDocument>(StringComparer.Ordinal);
        var unique = new List<KnowledgeDocument>();
        foreach (var document in documents)
        {
            if (byId.TryAdd(document.Id, document))
            {
                unique.Add(document);
            }
            else
            {
                duplicate?.Invoke(document.Id);
            }
        }

        // Splitting is most of the start-up time; documents split independently, ordinals are assigned after.
        var split = unique.AsParallel().AsOrdered().Select(d => PassageSplitter.Split(d)).ToList();
        var passages = new Passage[split.Sum(s => s.Count)];
        var ordinal = 0;
        foreach (var list in split)
        {
            foreach (var passage in list)
            {
                passages[ordinal] = passage with { Ordinal = ordinal };
                ordinal++;
            }
        }

        return new KnowledgeStore(byId, passages);
    }

    public static KnowledgeStore Load(string seedsDirectory, Action<string>? duplicate = null) =>
        Create(SeedReader.ReadParallel(SeedReader.SeedFiles(seedsDirectory)), duplicate);

    /// <summary>Reassembles a store whose passages were split before (snapshot); ordinals must run 0..n-1.</summary>
    internal static KnowledgeStore FromParts(IReadOnlyList<KnowledgeDocument> documents, Passage[] passages)
    {
        var byId = new Dictionary<string, KnowledgeDocument>(documents.Count, StringComparer.Ordinal);
        foreach (var document in documents)
        {
            byId.Add(document.Id, document);
        }

        return new KnowledgeStore(byId, passages);
    }
}
