using System.Globalization;

namespace OracleBot.Benchmarks.Turns;

/// <summary>Reads <c>--name value</c> options of a benchmark's command line.</summary>
internal static class BenchOptions
{
    public static int Int(IReadOnlyList<string> arguments, string name, int fallback) =>
        int.Parse(String(arguments, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public static string String(IReadOnlyList<string> arguments, string name, string fallback)
    {
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == name)
            {
                return arguments[i + 1];
            }
        }

        return fallback;
    }
}
