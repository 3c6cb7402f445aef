using OracleBot.Benchmarks.Progress;

namespace OracleBot.Benchmarks.Retrieval;

/// <summary>Times an operation over a list of inputs: wall percentiles and CPU and allocation per call.</summary>
internal sealed record LatencySample(Percentiles Wall, double CpuMicroseconds, double AllocatedKilobytes)
{
    public static LatencySample Measure<T>(IReadOnlyList<T> inputs, int rounds, Action<T> operation)
    {
        // Warm-up: tiered compilation promotes hot methods after ~30 calls plus a background delay.
        foreach (var input in inputs.Take(Math.Min(inputs.Count, 500)))
        {
            operation(input);
        }

        Thread.Sleep(500);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var wall = new List<double>(inputs.Count * rounds);
        var cpuStart = ThreadCpu.Nanoseconds();
        var allocatedStart = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var input in inputs)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                operation(input);
                wall.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var calls = Math.Max(wall.Count, 1);
        var cpu = (ThreadCpu.Nanoseconds() - cpuStart) / 1000.0 / calls;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedStart) / 1024.0 / calls;
        return new LatencySample(Percentiles.Of(wall), cpu, allocated);
    }
}
