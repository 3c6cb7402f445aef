using System.Diagnostics;
using System.Globalization;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// Microsoft's JavaScript Bot Framework SDK (botbuilder, CloudAdapter on restify, no app id) answering every
/// message with a fixed Adaptive Card: the figure the bot's own speed is judged against. Runs as its own Node
/// process from <c>js/</c> beside this benchmark's sources; without Node or its installed packages it is skipped.
/// </summary>
internal sealed class JsPeer : IDisposable
{
    private JsPeer(Process process, int port)
    {
        Process = process;
        Endpoint = new Uri($"http://127.0.0.1:{port}/api/messages");
        Meter = new ProcessMeter(process.Id);
    }

    public Process Process { get; }

    public Uri Endpoint { get; }

    public ProcessMeter Meter { get; }

    public static string Folder { get; } = Path.Combine(BenchPaths.RepositoryRoot, "tests", "OracleBot.Benchmarks", "js");

    /// <summary>The peer, or null and the reason it cannot run here.</summary>
    public static async Task<(JsPeer? Peer, string? Skipped)> TryStartAsync()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "botbuilder")) || !Directory.Exists(Path.Combine(Folder, "node_modules", "restify")))
        {
            return (null, $"its npm packages are not installed (run `npm ci` in {Path.GetRelativePath(BenchPaths.RepositoryRoot, Folder)}, or scripts/install-test-dependencies.sh --benchmarks)");
        }

        var port = FreePort.Next();
        Process process;
        try
        {
            process = BenchBot.StartProcess("node", ["bot.js", port.ToString(CultureInfo.InvariantCulture)], Folder, new Dictionary<string, string> { ["NODE_ENV"] = "production", ["NODE_NO_WARNINGS"] = "1" });
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"node could not be started ({ex.Message})");
        }

        try
        {
            await BenchBot.WaitListeningAsync(port, process);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            return (null, $"node bot.js did not start listening ({ex.Message})");
        }

        return (new JsPeer(process, port), null);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
