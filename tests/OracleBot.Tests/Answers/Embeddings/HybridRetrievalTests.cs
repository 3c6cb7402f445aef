using Microsoft.Extensions.Logging.Abstractions;
using OracleBot.Answers.Embeddings;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers.Embeddings;

/// <summary>
/// Hybrid retrieval end to end with the real model on a small corpus: passages embedded in the background,
/// stored beside the index and reused on restart, BM25 alone until then, and fusion that finds a passage
/// which shares the question's meaning but not its words.
/// </summary>
public sealed class HybridRetrievalTests : IDisposable
{
    // The infarction page never says "heart", "attack", "emergency" or "treatment"; the distractors do.
    private const string Question = "What is the emergency treatment of a heart attack?";
    private readonly TempDirectory _temp = new();
    private readonly string _seeds;

    public HybridRetrievalTests() => _seeds = TestDocuments.WriteSeeds(_temp.Path,
    [
        TestDocuments.Line("ref:mi", "Myocardial infarction (Test)",
            "Acute myocardial infarction is managed at once with aspirin, nitroglycerin and oxygen when saturation is low. Prompt reperfusion by percutaneous coronary intervention restores blood flow to the blocked coronary artery."),
        TestDocuments.Line("ref:panic", "Panic disorder (Test)",
            "A panic attack is a sudden episode of intense fear. Treatment of panic disorder is psychotherapy and medicines. An attack can feel like an emergency."),
        TestDocuments.Line("ref:heart-failure", "Heart failure (Test)",
            "Heart failure means the heart cannot pump enough blood. Treatment of heart failure includes diuretics and ACE inhibitors."),
        TestDocuments.Line("ref:er", "Emergency departments (Test)",
            "An emergency department gives treatment to patients who arrive without an appointment. Waiting times in the emergency department vary."),
        TestDocuments.Line("ref:gout", "Gout (Test)",
            "Gout is a form of arthritis caused by uric acid crystals in a joint. Colchicine relieves gout attacks."),
    ]);

    private string IndexRoot => Path.Combine(_temp.Path, "index");

    [Fact]
    public async Task Vectors_are_computed_once_stored_and_reused_and_fusion_finds_the_paraphrase()
    {
        int bm25Rank;
        using (var bm25 = Open(vectors: null))
        {
            await bm25.EnsureReadyAsync(CancellationToken.None);
            Assert.Equal(VectorState.Off, bm25.Vectors.State);
            bm25Rank = RankOf(bm25, "ref:mi");
        }

        Assert.Equal(int.MaxValue, bm25Rank); // BM25 alone cannot find it: no word in common.

        string vectorFile;
        using (var first = Open(new VectorOptions()))
        {
            await first.EnsureVectorsSettledAsync(CancellationToken.None);
            Assert.Equal(new VectorStatus(VectorState.Ready, 5, 5), first.Vectors);
            // Fused, the page is found (a page no BM25 hit shares a word with can score up to the cosine's weight).
            Assert.True(RankOf(first, "ref:mi") < 5, Describe(first));
            vectorFile = Path.Combine(first.Report!.IndexPath, PassageVectorFile.FileName);
            Assert.True(File.Exists(vectorFile));
        }

        var written = File.GetLastWriteTimeUtc(vectorFile);
        using var restarted = Open(new VectorOptions());
        await restarted.EnsureVectorsSettledAsync(CancellationToken.None);
        Assert.Equal(VectorState.Ready, restarted.Vectors.State);
        Assert.Equal(written, File.GetLastWriteTimeUtc(vectorFile));
        Assert.True(RankOf(restarted, "ref:mi") < 5, Describe(restarted));

        // With the cosine alone deciding, the model's reading of "heart attack" puts the infarction page first.
        using var semantic = Open(new VectorOptions { Weight = 1 });
        await semantic.EnsureVectorsSettledAsync(CancellationToken.None);
        Assert.True(RankOf(semantic, "ref:mi") == 0, Describe(semantic));
        Assert.Equal(written, File.GetLastWriteTimeUtc(vectorFile));
    }

    [Fact]
    public async Task Answers_come_from_bm25_while_another_process_embeds_and_fuse_once_it_is_done()
    {
        string indexPath;
        List<string> bm25Order;
        using (var bm25 = Open(vectors: null))
        {
            await bm25.EnsureReadyAsync(CancellationToken.None);
            indexPath = bm25.Report!.IndexPath;
            bm25Order = Order(bm25);
        }

        // This test holds the machine-wide turn, as another bot embedding these passages would.
        var turn = IndexDirectoryManager.TryTakeTurn(Path.Combine(indexPath, ".vectors.lock"));
        Assert.NotNull(turn);
        using var index = Open(new VectorOptions());
        try
        {
            await index.EnsureReadyAsync(CancellationToken.None);
            await WaitForAsync(() => index.Vectors.State == VectorState.Embedding);
            Assert.Equal(bm25Order, Order(index));
            Assert.False(File.Exists(Path.Combine(indexPath, PassageVectorFile.FileName)));
        }
        finally
        {
            turn.Dispose();
        }

        await index.EnsureVectorsSettledAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(VectorState.Ready, index.Vectors.State);
        Assert.Contains("ref:mi", Order(index));
        Assert.DoesNotContain("ref:mi", bm25Order);
    }

    [Fact]
    public async Task When_the_seeds_change_unchanged_passages_keep_their_vectors_and_only_new_ones_are_embedded()
    {
        string firstPath;
        using (var first = Open(new VectorOptions()))
        {
            await first.EnsureVectorsSettledAsync(CancellationToken.None);
            firstPath = first.Report!.IndexPath;
        }

        // Marks the stored vector of the first passage, so a copy can be told from a recomputation.
        using (var file = File.OpenWrite(Path.Combine(firstPath, PassageVectorFile.FileName)))
        {
            file.Position = 52; // after the header
            file.Write(Enumerable.Repeat((byte)1, PassageVectors.Dimensions).ToArray());
        }

        var seedFile = Path.Combine(_seeds, "test", "corpus.jsonl");
        File.AppendAllText(seedFile, TestDocuments.Line("ref:migraine", "Migraine (Test)", "Migraine is a headache disorder with throbbing pain.") + "\n");
        using var changed = Open(new VectorOptions());
        await changed.EnsureVectorsSettledAsync(CancellationToken.None);
        Assert.Equal(new VectorStatus(VectorState.Ready, 6, 6), changed.Vectors);
        var path = changed.Report!.IndexPath;
        Assert.NotEqual(firstPath, path);
        Assert.False(Directory.Exists(firstPath));
        Assert.False(File.Exists(Path.Combine(path, PassageVectorKeys.DonorVectorsFileName)));

        var store = changed.Store;
        var vectors = PassageVectorFile.TryRead(path, PassageVectorFile.Identity(store, new VectorOptions().MaxTokens), store.Passages.Count);
        Assert.NotNull(vectors);
        var marked = store.Passages.Single(p => p.Id == "ref:mi#p1").Ordinal;
        Assert.All(vectors.CodesOf(marked).ToArray(), c => Assert.Equal(1, c));
        var added = store.Passages.Single(p => p.Document.Id == "ref:migraine").Ordinal;
        Assert.Contains(vectors.CodesOf(added).ToArray(), c => c != 1);
    }

    [Fact]
    public async Task A_knowledge_base_over_the_limit_stays_with_bm25()
    {
        using var index = Open(new VectorOptions { MaxPassages = 4 });
        await index.EnsureVectorsSettledAsync(CancellationToken.None);
        Assert.Equal(VectorState.Off, index.Vectors.State);
        Assert.False(File.Exists(Path.Combine(index.Report!.IndexPath, PassageVectorFile.FileName)));
    }

    public void Dispose() => _temp.Dispose();

    private KnowledgeIndex Open(VectorOptions? vectors) =>
        new(new KnowledgeIndexLocation(_seeds, IndexRoot), NullLogger<KnowledgeIndex>.Instance, vectors);

    private static List<string> Order(KnowledgeIndex index) => [.. index.Search(Question, 5).Select(d => d.Document.Id)];

    private static string Describe(KnowledgeIndex index) =>
        string.Join("; ", index.Search(Question, 5).Select(d => $"{d.Document.Id} {d.Score:F3}"));

    private static int RankOf(KnowledgeIndex index, string id)
    {
        var rank = Order(index).IndexOf(id);
        return rank < 0 ? int.MaxValue : rank;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
