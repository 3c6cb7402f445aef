using System.Diagnostics;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using OracleBot.Answers.Embeddings;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Retrieval;

/// <summary>
/// The knowledge base and its BM25 passage index. Opening loads the seed documents, then reuses the index
/// built for exactly these seeds or builds it (into a temporary folder, moved into place when complete).
/// Opening happens once, in the background; <see cref="IsReady"/> reports when searches can run. With vectors
/// enabled, the passages' embeddings are then loaded or computed in the background too, and from when they are
/// ready (<see cref="Vectors"/>) a search fuses BM25 with cosine similarity; until then it is BM25 alone.
/// </summary>
public sealed partial class KnowledgeIndex : IRetriever, IDisposable
{
    private readonly KnowledgeIndexLocation _location;
    private readonly ILogger<KnowledgeIndex> _logger;
    private readonly Analyzer _analyzer = MedicalTextAnalyzer.Create();
    private readonly Lazy<Task<OpenedIndex>> _opening;
    private readonly VectorSearch? _vectors;
    private OpenedIndex? _index;
    private KnowledgeStore? _store;

    /// <summary>An index searched with BM25 alone.</summary>
    public KnowledgeIndex(KnowledgeIndexLocation location, ILogger<KnowledgeIndex> logger)
        : this(location, logger, vectors: null)
    {
    }

    /// <summary>An index that fuses BM25 with dense vectors once they are ready (when <paramref name="vectors"/> enables them).</summary>
    public KnowledgeIndex(KnowledgeIndexLocation location, ILogger<KnowledgeIndex> logger, VectorOptions? vectors)
    {
        ArgumentNullException.ThrowIfNull(location);
        _location = location;
        _logger = logger;
        _vectors = vectors is { Enabled: true } ? new VectorSearch(vectors, logger) : null;
        _opening = new Lazy<Task<OpenedIndex>>(() => Task.Run(Open), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsReady => Volatile.Read(ref _index) is not null;

    /// <summary>Where the dense vectors stand; <see cref="VectorState.Off"/> when they are not enabled.</summary>
    public VectorStatus Vectors => _vectors?.Status ?? new VectorStatus(VectorState.Off, 0, _store?.Passages.Count ?? 0);

    /// <summary>Opens the index and waits until its vectors are ready, off or failed (build-index, evaluation).</summary>
    public async Task EnsureVectorsSettledAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        if (_vectors is not null)
        {
            await _vectors.Settled.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Where the documents are read from and the index kept.</summary>
    public KnowledgeIndexLocation Location => _location;

    /// <summary>How the index was last opened; null until ready.</summary>
    public KnowledgeIndexReport? Report { get; private set; }

    /// <summary>The analyzer of the index, shared with the composer so both see the same terms.</summary>
    public Analyzer Analyzer => _analyzer;

    /// <summary>The documents and passages; only valid once ready.</summary>
    public KnowledgeStore Store => _store ?? throw new InvalidOperationException("The knowledge index is not open yet.");

    /// <summary>The scored postings; only valid once ready (benchmarks).</summary>
    internal ImpactIndex Impacts => (Volatile.Read(ref _index) ?? throw new InvalidOperationException("The knowledge index is not open yet.")).Impacts;

    /// <summary>Opens (or builds) the index once; later calls wait for the same work.</summary>
    public Task EnsureReadyAsync(CancellationToken cancellationToken) => _opening.Value.WaitAsync(cancellationToken);

    public IReadOnlyList<RetrievedDocument> Search(string query, int top) =>
        Retrieve(new RetrievalQuery(query ?? string.Empty), top).Documents;

    public RetrievalResult Retrieve(RetrievalQuery query, int top)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = Volatile.Read(ref _index) ?? _opening.Value.GetAwaiter().GetResult();
        if (top <= 0)
        {
            return RetrievalResult.Empty;
        }

        var terms = PassageQueryBuilder.Terms(_analyzer, index.Impacts, query);
        if (terms.Count == 0)
        {
            return new RetrievalResult(terms, []);
        }

        // Several passages of one document may rank high: a reference page or a long summary can hold dozens
        // that match, and must not take every slot from the documents ranked after it. Fetch deep enough to
        // fill `top` distinct documents; the heap's size costs little beside the postings walk.
        var depth = Math.Max(top * 16, 128);
        var weighted = terms.Select(t => (t.Text, t.Weight)).ToList();
        var vectors = _vectors?.Vectors;
        var embedded = vectors is null ? null : _vectors!.TryPrepareQuery(query.Context is { Length: > 0 } context ? context + "\n" + query.Question : query.Question);
        var hits = embedded is null
            ? index.Impacts.Search(weighted, depth, index.FirstPassageOf).ConvertAll(h => (index.PassageByDoc[h.Doc], h.Score, (float?)null))
            : Fuse(index, weighted, Math.Max(depth, _vectors!.Options.Candidates), vectors!, embedded);
        var documents = new List<RetrievedDocument>(top);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (passage, score, similarity) in hits)
        {
            var retrieved = new RetrievedPassage(passage, score, similarity);
            if (positions.TryGetValue(passage.Document.Id, out var position))
            {
                ((List<RetrievedPassage>)documents[position].Passages).Add(retrieved);
            }
            else if (documents.Count < top)
            {
                positions[passage.Document.Id] = documents.Count;
                documents.Add(new RetrievedDocument(passage.Document, score, new List<RetrievedPassage>(2) { retrieved }));
            }
        }

        return new RetrievalResult(terms, documents);
    }

    public void Dispose()
    {
        _vectors?.Dispose();
        _analyzer.Dispose();
    }

    private List<(Passage Passage, float Score, float? Similarity)> Fuse(OpenedIndex index, List<(string, float)> terms, int candidates, PassageVectors vectors, QuantisedQuery query)
    {
        var bm25 = index.Impacts.Search(terms, candidates, index.FirstPassageOf).ConvertAll(h => (index.PassageByDoc[h.Doc].Ordinal, h.Score));
        var nearest = vectors.Nearest(query, candidates);
        var passages = _store!.Passages;
        return ScoreFusion.Fuse(bm25, nearest, ordinal => vectors.Cosine(ordinal, query), _vectors!.Options.Weight)
            .ConvertAll(f => (passages[f.Ordinal], f.Score, (float?)vectors.Cosine(f.Ordinal, query)));
    }

    private OpenedIndex Open()
    {
        var clock = Stopwatch.StartNew();
        var files = _location.SourceFiles();
        var fingerprint = SeedFingerprint.Compute(_location.SeedsDirectory, files);
        var path = IndexDirectoryManager.PathFor(_location.IndexDirectory, fingerprint);
        var built = false;
        OpenedIndex? index = null;
        KnowledgeStore? store = null;
        if (IndexDirectoryManager.IsComplete(path, fingerprint) && StoreSnapshot.TryRead(path) is { } snapshot)
        {
            store = snapshot;
            index = OpenedIndex.TryOpen(path, store);
        }

        var loadTime = clock.Elapsed;
        if (index is null)
        {
            store = KnowledgeStore.Create(SeedReader.ReadParallel(files), id => LogDuplicate(id));
            loadTime = clock.Elapsed;
            LogBuilding(store.DocumentCount, store.Passages.Count);
            // Built only if this instance wrote it: another may have finished the same index while this one waited its turn.
            path = IndexDirectoryManager.BuildAtomically(_location.IndexDirectory, fingerprint, dir =>
            {
                PassageIndexWriter.Write(dir, store, _analyzer);
                StoreSnapshot.Write(dir, store);
                built = true;
            });
            index = OpenedIndex.TryOpen(path, store)
                ?? throw new InvalidOperationException($"The index just built at '{path}' does not match the knowledge base.");
        }

        _vectors?.AdoptDonor(_location.IndexDirectory, path);
        IndexDirectoryManager.RemoveStale(_location.IndexDirectory, keep: path);
        Report = new KnowledgeIndexReport(built, store!.DocumentCount, store.Passages.Count, loadTime, clock.Elapsed - loadTime, path);
        LogOpened(built ? "built" : "opened", store.DocumentCount, store.Passages.Count, (long)loadTime.TotalMilliseconds, (long)(clock.Elapsed - loadTime).TotalMilliseconds);
        _store = store;
        Volatile.Write(ref _index, index);
        _vectors?.Start(path, store);
        return index;
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Seed document id {DocumentId} appears more than once; the first is kept")]
    private partial void LogDuplicate(string documentId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Building the knowledge index for {Documents} documents ({Passages} passages)")]
    private partial void LogBuilding(int documents, int passages);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Knowledge index {Action}: {Documents} documents, {Passages} passages; seeds loaded in {LoadMs} ms, index ready in {IndexMs} ms")]
    private partial void LogOpened(string action, int documents, int passages, long loadMs, long indexMs);
}
