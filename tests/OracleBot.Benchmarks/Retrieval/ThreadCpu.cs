using System.Globalization;

namespace OracleBot.Benchmarks.Retrieval;

/// <summary>
/// CPU time of the calling thread in nanoseconds, from <c>/proc/thread-self/schedstat</c> (Linux): the
/// scheduler's own accounting, so time spent waiting for the other processes on the machine is excluded.
/// </summary>
internal static class ThreadCpu
{
    public static long Nanoseconds()
    {
        var text = File.ReadAllText("/proc/thread-self/schedstat");
        return long.Parse(text.AsSpan(0, text.IndexOf(' ')), CultureInfo.InvariantCulture);
    }
}
