using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers.Embeddings;

public sealed class ScoreFusionTests
{
    [Fact]
    public void Min_max_scales_both_scores_and_weights_them()
    {
        // BM25: 1 (10), 2 (6), 3 (2). Cosines: 1 0.5, 2 0.9, 3 0.1, 4 (vectors only) 0.7.
        var cosines = new Dictionary<int, float> { [1] = 0.5f, [2] = 0.9f, [3] = 0.1f, [4] = 0.7f };
        var fused = ScoreFusion.Fuse([(1, 10f), (2, 6f), (3, 2f)], [(2, 0.9f), (4, 0.7f)], o => cosines[o], weight: 0.5f);

        // 1: 0.5·1 + 0.5·0.5 = 0.75; 2: 0.5·0.5 + 0.5·1 = 0.75; 4: 0 + 0.5·0.75 = 0.375; 3: 0 + 0 = 0.
        Assert.Equal([1, 2, 4, 3], fused.Select(f => f.Ordinal));
        Assert.All(fused.Zip([0.75f, 0.75f, 0.375f, 0f]), p => Assert.Equal(p.Second, p.First.Score, 5));
    }

    [Fact]
    public void Weight_zero_keeps_bm25_order_and_one_gives_cosine_order()
    {
        var cosines = new Dictionary<int, float> { [1] = 0.2f, [2] = 0.8f, [3] = 0.5f };
        Assert.Equal([1, 2, 3], ScoreFusion.Fuse([(1, 3f), (2, 2f), (3, 1f)], [], o => cosines[o], 0f).Select(f => f.Ordinal));
        Assert.Equal([2, 3, 1], ScoreFusion.Fuse([(1, 3f), (2, 2f), (3, 1f)], [], o => cosines[o], 1f).Select(f => f.Ordinal));
    }

    [Fact]
    public void A_passage_listed_by_both_counts_once()
    {
        var fused = ScoreFusion.Fuse([(7, 1f)], [(7, 0.4f)], _ => throw new InvalidOperationException("known cosine"), 0.5f);
        Assert.Equal((7, 1f), Assert.Single(fused));
    }
}
