using System.Globalization;

namespace OracleBot.Benchmarks.Turns;

/// <summary>CPU time and resident memory of another process, read from /proc (Linux).</summary>
internal sealed class ProcessMeter(int processId)
{
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // The command name may contain spaces; fields are counted after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var userTicks = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var systemTicks = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((userTicks + systemTicks) / TicksPerSecond);
    }

    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        return double.NaN;
    }
}
