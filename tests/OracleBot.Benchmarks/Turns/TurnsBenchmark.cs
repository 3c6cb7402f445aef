using System.Globalization;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// Full turns through the real bot process — signed activity in, retrieval over the seed knowledge base,
/// answer card out at a loopback connector — beside a bare Kestrel endpoint doing one inbound and one
/// outbound POST and beside Microsoft's JavaScript Bot Framework SDK sending a fixed card, measured in the same
/// run. CPU per turn is the server process's own CPU time.
/// </summary>
internal sealed class TurnsBenchmark : IBenchmark
{
    private const string Bare = "bare Kestrel, 1 in + 1 out POST";
    private const string JsSdk = "botbuilder 4.23.3 (JS SDK), fixed card, no app id";

    public string Name => "turns";

    public string Summary => "full turns/s, p50/p99, CPU per turn vs a bare Kestrel endpoint [--turns N] [--concurrency 16,64] [--warmup-seconds 20] [--cached] [--bot-env K=V,…] [--compare-build DIR [--compare-env K=V,…]]; beside the JS SDK when js/ is installed";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var turns = BenchOptions.Int(arguments, "--turns", 20_000);
        var warmup = BenchOptions.Int(arguments, "--warmup", 3_000);

        // Before its first row each server runs this long under load: the runtime compiles hot code again, optimised,
        // only after it has run a while, and on a busy machine that takes tens of seconds. Rows measure the steady state.
        var warmupSeconds = BenchOptions.Int(arguments, "--warmup-seconds", 20);
        var concurrencies = BenchOptions.String(arguments, "--concurrency", "16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        // --cached asks one question every time, so every answer after the first comes from the answer cache and
        // what is measured is the host, the store, the card and the outbound call; beside the signed bot runs one
        // without an app id (no token checks, no connector token), to show what the signing costs.
        var cached = arguments.Contains("--cached");
        var root = BenchPaths.RepositoryRoot;

        // --bot-env K=V,K2=V2 sets environment variables of the bot processes only (runtime and GC knobs to compare).
        var botEnvironment = EnvironmentOption(arguments, "--bot-env");
        await using var bot = await BenchBot.StartAsync(botEnvironment, cancellationToken);
        await using var anonymous = cached
            ? await bot.StartAnotherAsync(new Dictionary<string, string>(botEnvironment) { ["Bot__AppId"] = string.Empty, ["Bot__ClientSecret"] = string.Empty, ["Bot__AllowUnauthenticated"] = "true" })
            : null;
        // --compare-build DIR: a signed bot from another build's output folder beside this one, to tell a change's
        // effect from the machine's noise, which moves both alike.
        var compareBuild = BenchOptions.String(arguments, "--compare-build", string.Empty);
        // --compare-env K=V,… is added to that bot's environment only: with a copy of this build as DIR it compares a
        // runtime setting in one run.
        var compareEnvironment = new Dictionary<string, string>(botEnvironment);
        foreach (var (key, value) in EnvironmentOption(arguments, "--compare-env"))
        {
            compareEnvironment[key] = value;
        }

        await using var other = compareBuild.Length > 0 ? await bot.StartAnotherAsync(compareEnvironment, Path.GetFullPath(compareBuild)) : null;
        var baselinePort = FreePort.Next();
        // Through the dotnet host: under `dotnet run` this process is the apphost, which takes no assembly argument.
        using var baseline = BenchBot.StartProcess("dotnet",
            [typeof(TurnsBenchmark).Assembly.Location, "baseline-server", baselinePort.ToString(CultureInfo.InvariantCulture)],
            root, new Dictionary<string, string>());
        await BenchBot.WaitListeningAsync(baselinePort, baseline);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var questions = BenchQuestions.Load(root);
        if (cached)
        {
            questions = [questions[0]];
        }

        var generator = new LoadGenerator(http, bot.Sink, bot.Token, questions);
        var gcUnavailable = new List<string>();
        var targets = new List<Target>
        {
            new(Bare, new Uri($"http://127.0.0.1:{baselinePort}/api/messages"), new ProcessMeter(baseline.Id), generator, null),
        };

        // The JavaScript SDK's bot has no app id, so its questions come unsigned: with a token it would check it
        // against the public Bot Framework metadata, which is not what is measured.
        var (jsPeer, jsSkipped) = await JsPeer.TryStartAsync();
        using var js = jsPeer;
        if (js is not null)
        {
            targets.Add(new(JsSdk, js.Endpoint, js.Meter, new LoadGenerator(http, bot.Sink, token: null, questions), null));
        }

        if (anonymous is not null)
        {
            targets.Add(new("OracleBot cached answer, no app id", anonymous.Endpoint, anonymous.Meter, generator, StartGcMeter(anonymous)));
        }

        targets.Add(new(cached ? "OracleBot cached answer, signed" : "OracleBot full turn", bot.Endpoint, bot.Meter, generator, StartGcMeter(bot)));
        if (other is not null)
        {
            var ownSettings = compareEnvironment.Except(botEnvironment).Select(p => $"{p.Key}={p.Value}").ToList();
            var settings = ownSettings.Count > 0 ? " with " + string.Join(",", ownSettings) : string.Empty;
            targets.Add(new($"OracleBot {(cached ? "cached answer, signed" : "full turn")}, build in {compareBuild}{settings}", other.Endpoint, other.Meter, generator, StartGcMeter(other)));
        }

        Console.WriteLine($"OracleBot turn benchmark: {turns:N0} measured turns per row after {warmup:N0} warm-up turns (and {warmupSeconds} s of load on each server first); {questions.Count:N0} distinct question(s); {Environment.ProcessorCount} cores.");
        Console.WriteLine($"Bot ready {bot.Startup.TotalSeconds:F1} s after launch (index reused if present).");
        if (jsSkipped is not null)
        {
            Console.WriteLine($"The JavaScript SDK peer is skipped: {jsSkipped}.");
        }

        Console.WriteLine();
        foreach (var unavailable in gcUnavailable)
        {
            Console.WriteLine($"No garbage-collector figures for a bot: {unavailable}.");
        }

        Console.WriteLine("| server | concurrent conversations | turns/s | p50 ms | p99 ms | server CPU ms/turn | errors | server RSS MB | reply KB | allocated KB/turn | GCs per 1k turns (gen0/1/2) | GC pause ms: longest / share |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var rows = new List<(string Name, int Concurrency, LoadResult Result, double CpuPerTurn)>();
        foreach (var target in targets)
        {
            var warming = System.Diagnostics.Stopwatch.StartNew();
            for (var round = 0; warming.Elapsed.TotalSeconds < warmupSeconds; round++)
            {
                await target.Generator.RunAsync(target.Endpoint, concurrencies[0], warmup, $"jit{round}-{target.Name.Length}", TimeSpan.FromSeconds(30));
            }
        }

        foreach (var concurrency in concurrencies)
        {
            foreach (var (name, endpoint, meter, load, gc) in targets)
            {
                await load.RunAsync(endpoint, concurrency, warmup, $"warm{concurrency}{name.Length}", TimeSpan.FromSeconds(30));
                var gcBefore = await SettledGcTotalsAsync(gc);
                gc?.ResetLongestPause();
                var cpuBefore = meter.CpuTime();
                var (repliesBefore, bytesBefore) = (bot.Sink.Replies, bot.Sink.ReplyBytes);
                var result = await load.RunAsync(endpoint, concurrency, turns, $"run{concurrency}{name.Length}", TimeSpan.FromSeconds(30));
                var cpuPerTurn = (meter.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, result.Turns - result.Errors);
                var replyKilobytes = (bot.Sink.ReplyBytes - bytesBefore) / 1024.0 / Math.Max(1, bot.Sink.Replies - repliesBefore);
                rows.Add((name, concurrency, result, cpuPerTurn));
                var gcColumns = gc is null ? "– | – | –" : GcColumns((await SettledGcTotalsAsync(gc)).Since(gcBefore), result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {concurrency} | {result.TurnsPerSecond:N0} | {result.P50Milliseconds:F2} | {result.P99Milliseconds:F2} | {cpuPerTurn:F3} | {result.Errors} | {meter.ResidentMegabytes():F0} | {replyKilobytes:F1} | {gcColumns} |"));
            }
        }

        Console.WriteLine();
        foreach (var concurrency in concurrencies)
        {
            var bare = rows.Single(r => r.Concurrency == concurrency && r.Name == Bare);
            var sdk = rows.SingleOrDefault(r => r.Concurrency == concurrency && r.Name == JsSdk);
            foreach (var full in rows.Where(r => r.Concurrency == concurrency && r.Name.StartsWith("OracleBot", StringComparison.Ordinal)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"At {concurrency}: {full.Name} runs at {full.Result.TurnsPerSecond / bare.Result.TurnsPerSecond:P0} of the bare endpoint's rate, using {full.CpuPerTurn / bare.CpuPerTurn:F1}x its CPU per turn."));
                if (sdk.Name is not null)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"At {concurrency}: {full.Name} runs at {full.Result.TurnsPerSecond / sdk.Result.TurnsPerSecond:F1}x the JS SDK's rate, using {full.CpuPerTurn / sdk.CpuPerTurn:F2}x its CPU per turn."));
                }
            }
        }

        Console.WriteLine($"Answer cards received by the connector: {bot.Sink.Replies:N0}; progress updates: {bot.Sink.ProgressUpdates:N0}.");
        baseline.Kill(entireProcessTree: true);
        foreach (var target in targets)
        {
            target.Gc?.Dispose();
        }

        return rows.Any(r => r.Result.Errors > 0) ? 1 : 0;

        GcMeter? StartGcMeter(BenchBot instance)
        {
            var (meter, unavailable) = GcMeter.TryStart(instance.Process.Id);
            if (unavailable is not null)
            {
                gcUnavailable.Add(unavailable);
            }

            return meter;
        }
    }

    private static Dictionary<string, string> EnvironmentOption(IReadOnlyList<string> arguments, string name) =>
        BenchOptions.String(arguments, name, string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty);

    // The runtime sends its events in buffered batches; a second of quiet lets the last of a row's arrive.
    private static async Task<GcTotals> SettledGcTotalsAsync(GcMeter? gc)
    {
        if (gc is null)
        {
            return default;
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        return gc.Read();
    }

    private static string GcColumns(GcTotals row, LoadResult result)
    {
        var turns = Math.Max(1, result.Turns - result.Errors);
        return string.Create(CultureInfo.InvariantCulture,
            $"{row.AllocatedBytes / 1024.0 / turns:F1} | {row.Gen0 * 1000.0 / turns:F1} / {row.Gen1 * 1000.0 / turns:F2} / {row.Gen2 * 1000.0 / turns:F2} | {row.LongestPauseMilliseconds:F1} / {row.PauseMilliseconds / result.Elapsed.TotalMilliseconds:P1}");
    }

    private sealed record Target(string Name, Uri Endpoint, ProcessMeter Meter, LoadGenerator Generator, GcMeter? Gc);
}
