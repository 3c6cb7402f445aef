using System.Diagnostics;
using System.Globalization;
using OracleBot.Benchmarks.Turns;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Soak;

/// <summary>
/// A sustained load against the real bot with the embedded engine, a real Redis store (or SQLite) and the
/// loopback connector: one row per interval, so throughput, latency, errors and memory can be watched over time.
/// With <c>--instances 2</c> two bot processes share the Redis and the load goes round-robin between them, as a
/// load balancer in front of replicas sends it.
/// </summary>
internal sealed class SoakBenchmark : IBenchmark
{
    public string Name => "soak";

    public string Summary =>
        "sustained load with the Redis store [--seconds 300] [--interval 60] [--concurrency 32] [--store redis|sqlite] [--instances 1|2]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var seconds = BenchOptions.Int(arguments, "--seconds", 300);
        var interval = BenchOptions.Int(arguments, "--interval", 60);
        var concurrency = BenchOptions.Int(arguments, "--concurrency", 32);
        var store = BenchOptions.String(arguments, "--store", "redis");
        var instances = BenchOptions.Int(arguments, "--instances", 1);
        if (instances < 1 || (instances > 1 && store != "redis"))
        {
            Console.Error.WriteLine("--instances must be at least 1, and more than one instance needs --store redis (SQLite is one instance's file).");
            return 2;
        }

        var redisPort = FreePort.Next();
        using var redis = store == "redis" ? StartRedis(redisPort) : null;
        var settings = new Dictionary<string, string>();
        if (redis is not null)
        {
            await BenchBot.WaitListeningAsync(redisPort, redis);
            settings["Conversations__Store"] = "Redis";
            settings["Conversations__Redis"] = $"127.0.0.1:{redisPort}";
        }

        var bots = new List<BenchBot>();
        try
        {
            bots.Add(await BenchBot.StartAsync(settings, cancellationToken));
            while (bots.Count < instances)
            {
                bots.Add(await bots[0].StartAnotherAsync(settings));
            }

            return await SoakAsync(bots, seconds, interval, concurrency, store, cancellationToken);
        }
        finally
        {
            // The first instance owns the loopback channel and connector the others reply to.
            for (var i = bots.Count - 1; i >= 0; i--)
            {
                await bots[i].DisposeAsync();
            }

            redis?.Kill(entireProcessTree: true);
        }
    }

    private static async Task<int> SoakAsync(
        IReadOnlyList<BenchBot> bots, int seconds, int interval, int concurrency, string store, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var generator = new LoadGenerator(http, bots[0].Sink, bots[0].Token, BenchQuestions.Load(BenchPaths.RepositoryRoot));
        var endpoints = bots.Select(b => b.Endpoint).ToArray();
        var memory = new MemoryTrack(bots);

        var behind = bots.Count == 1 ? string.Empty : $", {bots.Count} bot instances sharing it behind a round-robin";
        Console.WriteLine($"Soak: {seconds} s at {concurrency} concurrent conversations, {store} store{behind}, rows every {interval} s.");
        foreach (var (bot, i) in bots.Select((b, i) => (b, i)))
        {
            Console.WriteLine($"Bot {i + 1} ready in {bot.Startup.TotalSeconds:F1} s; RSS at start {bot.Meter.ResidentMegabytes():F0} MB.");
        }

        memory.Sample(TimeSpan.Zero);
        var rssColumns = string.Concat(bots.Select((_, i) => bots.Count == 1 ? " RSS MB |" : $" RSS MB bot {i + 1} |"));
        Console.WriteLine($"| elapsed s | turns | turns/s | p50 ms | p99 ms | errors | CPU ms/turn |{rssColumns}");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|" + string.Concat(bots.Select(_ => "---:|")));
        var clock = Stopwatch.StartNew();
        var totalErrors = 0;
        var round = 0;
        while (clock.Elapsed.TotalSeconds < seconds && !cancellationToken.IsCancellationRequested)
        {
            // Rounds sized to about one interval at the rate seen so far; the first is a guess.
            var cpuBefore = TotalCpu(bots);
            var intervalStart = clock.Elapsed;
            var turns = 0;
            var latencies = new List<(double P50, double P99, int Turns)>();
            var errors = 0;
            while ((clock.Elapsed - intervalStart).TotalSeconds < interval && clock.Elapsed.TotalSeconds < seconds)
            {
                var result = await generator.RunAsync(endpoints, concurrency, 2_000, $"soak{round++}", TimeSpan.FromSeconds(30));
                turns += result.Turns;
                errors += result.Errors;
                latencies.Add((result.P50Milliseconds, result.P99Milliseconds, result.Turns));
            }

            var elapsed = clock.Elapsed - intervalStart;
            var cpuPerTurn = (TotalCpu(bots) - cpuBefore).TotalMilliseconds / Math.Max(1, turns - errors);
            totalErrors += errors;
            var rss = memory.Sample(clock.Elapsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {clock.Elapsed.TotalSeconds:F0} | {turns:N0} | {(turns - errors) / elapsed.TotalSeconds:N0} | {latencies.Average(l => l.P50):F2} | {latencies.Max(l => l.P99):F2} | {errors} | {cpuPerTurn:F3} |{string.Concat(rss.Select(r => $" {r:F0} |"))}"));
        }

        Console.WriteLine("(p50 is the mean of 2,000-turn rounds' medians; p99 the worst round's; CPU is all instances' together.)");
        memory.PrintStartMiddleEnd();
        return totalErrors > 0 ? 1 : 0;
    }

    private static TimeSpan TotalCpu(IEnumerable<BenchBot> bots) => bots.Aggregate(TimeSpan.Zero, (sum, bot) => sum + bot.Meter.CpuTime());

    private static Process StartRedis(int port)
    {
        var directory = Directory.CreateTempSubdirectory("oraclebot-soak-redis").FullName;
        return BenchBot.StartProcess("redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory],
            directory, new Dictionary<string, string>());
    }

    /// <summary>Each instance's resident memory at every row, for the start / middle / end summary.</summary>
    private sealed class MemoryTrack(IReadOnlyList<BenchBot> bots)
    {
        private readonly List<(TimeSpan At, double[] Megabytes)> _samples = [];

        public double[] Sample(TimeSpan at)
        {
            var megabytes = bots.Select(b => b.Meter.ResidentMegabytes()).ToArray();
            _samples.Add((at, megabytes));
            return megabytes;
        }

        public void PrintStartMiddleEnd()
        {
            var end = _samples[^1];
            var middle = _samples.First(s => s.At >= end.At / 2);
            for (var i = 0; i < bots.Count; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Bot {i + 1} RSS MB at start / middle ({middle.At.TotalSeconds:F0} s) / end ({end.At.TotalSeconds:F0} s): {_samples[0].Megabytes[i]:F0} / {middle.Megabytes[i]:F0} / {end.Megabytes[i]:F0}"));
            }
        }
    }
}
