using System.Globalization;

namespace OracleBot.Benchmarks.Memory;

/// <summary>
/// Where another process's resident memory is, from <c>/proc/PID/smaps</c> (Linux): its totals (resident,
/// anonymous, file-backed, shared memory) and the resident size of each mapped file or kind of anonymous
/// mapping, largest first.
/// </summary>
internal sealed record MemoryMap(double ResidentMegabytes, double AnonymousMegabytes, double FileMegabytes, double SharedMemoryMegabytes, IReadOnlyList<(string Mapping, double ResidentMegabytes, double AnonymousMegabytes)> Mappings)
{
    public static MemoryMap Read(int processId)
    {
        var byName = new Dictionary<string, (long Rss, long Anonymous)>(StringComparer.Ordinal);
        var name = "[anonymous]";
        foreach (var line in File.ReadLines($"/proc/{processId}/smaps"))
        {
            if (IsMappingHeader(line))
            {
                // "start-end perms offset dev inode [path]": the path, when there is one, is the sixth field.
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                name = fields.Length > 5 ? fields[5].Trim() : "[anonymous]";
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var entry = byName.GetValueOrDefault(name);
                byName[name] = (entry.Rss + Kilobytes(line), entry.Anonymous);
            }
            else if (line.StartsWith("Anonymous:", StringComparison.Ordinal))
            {
                var entry = byName.GetValueOrDefault(name);
                byName[name] = (entry.Rss, entry.Anonymous + Kilobytes(line));
            }
        }

        var totals = File.ReadLines($"/proc/{processId}/status")
            .Where(l => l.StartsWith("Rss", StringComparison.Ordinal) || l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], Kilobytes, StringComparer.Ordinal);
        return new MemoryMap(
            totals.GetValueOrDefault("VmRSS") / 1024.0,
            totals.GetValueOrDefault("RssAnon") / 1024.0,
            totals.GetValueOrDefault("RssFile") / 1024.0,
            totals.GetValueOrDefault("RssShmem") / 1024.0,
            [.. byName.OrderByDescending(m => m.Value.Rss).Select(m => (m.Key, m.Value.Rss / 1024.0, m.Value.Anonymous / 1024.0))]);
    }

    private static bool IsMappingHeader(string line)
    {
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && line.AsSpan(0, dash).IndexOfAnyExcept("0123456789abcdef") < 0;
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
