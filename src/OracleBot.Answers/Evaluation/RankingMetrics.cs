namespace OracleBot.Answers.Evaluation;

/// <summary>Recall@k, reciprocal rank and nDCG (graded gains, log2 discount) of one ranking.</summary>
public static class RankingMetrics
{
    public static double RecallAt(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.ContainsKey) / relevant.Count;

    public static double ReciprocalRankAt(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.ContainsKey(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    public static double NdcgAt(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.TryGetValue(ranked[i], out var gain))
            {
                dcg += gain / Math.Log2(i + 2);
            }
        }

        var ideal = relevant.Values.OrderDescending().Take(k).Select((gain, i) => gain / Math.Log2(i + 2)).Sum();
        return ideal > 0 ? dcg / ideal : 0;
    }
}
