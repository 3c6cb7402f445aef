namespace OracleBot.Benchmarks.Progress;

/// <summary>Nearest-rank percentiles of a sample, in milliseconds.</summary>
internal sealed record Percentiles(double P50, double P90, double P99, double Max)
{
    public static Percentiles Of(List<double> sample)
    {
        if (sample.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        sample.Sort();
        return new Percentiles(At(sample, 0.50), At(sample, 0.90), At(sample, 0.99), sample[^1]);
    }

    private static double At(List<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
