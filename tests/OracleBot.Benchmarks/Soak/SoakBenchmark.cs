using System.Diagnostics;
using System.Globalization;
using OracleBot.Benchmarks.Turns;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Soak;

/// <summary>
/// A sustained load against the real bot with the embedded engine, a real Redis store (or SQLite) and the
/// loopback connector: one row per interval, so throughput, latency, errors and memory can be watched over time.
/// </summary>
internal sealed class SoakBenchmark : IBenchmark
{
    public string Name => "soak";

    public string Summary => "sustained load with the Redis store [--seconds 300] [--interval 60] [--concurrency 32] [--store redis|sqlite]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var seconds = BenchOptions.Int(arguments, "--seconds", 300);
        var interval = BenchOptions.Int(arguments, "--interval", 60);
        var concurrency = BenchOptions.Int(arguments, "--concurrency", 32);
        var store = BenchOptions.String(arguments, "--store", "redis");

        var redisPort = FreePort.Next();
        using var redis = store == "redis" ? StartRedis(redisPort) : null;
        var settings = new Dictionary<string, string>();
        if (redis is not null)
        {
            await BenchBot.WaitListeningAsync(redisPort, redis);
            settings["Conversations__Store"] = "Redis";
            settings["Conversations__Redis"] = $"127.0.0.1:{redisPort}";
        }

        await using var bot = await BenchBot.StartAsync(settings, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var generator = new LoadGenerator(http, bot.Sink, bot.Token, BenchQuestions.Load(BenchPaths.RepositoryRoot));

        Console.WriteLine($"Soak: {seconds} s at {concurrency} concurrent conversations, {store} store, rows every {interval} s.");
        Console.WriteLine($"Bot ready in {bot.Startup.TotalSeconds:F1} s; RSS at start {bot.Meter.ResidentMegabytes():F0} MB.");
        Console.WriteLine("| elapsed s | turns | turns/s | p50 ms | p99 ms | errors | CPU ms/turn | RSS MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var clock = Stopwatch.StartNew();
        var totalErrors = 0;
        var round = 0;
        while (clock.Elapsed.TotalSeconds < seconds && !cancellationToken.IsCancellationRequested)
        {
            // Rounds sized to about one interval at the rate seen so far; the first is a guess.
            var cpuBefore = bot.Meter.CpuTime();
            var intervalStart = clock.Elapsed;
            var turns = 0;
            var latencies = new List<(double P50, double P99, int Turns)>();
            var errors = 0;
            while ((clock.Elapsed - intervalStart).TotalSeconds < interval && clock.Elapsed.TotalSeconds < seconds)
            {
                var result = await generator.RunAsync(bot.Endpoint, concurrency, 2_000, $"soak{round++}", TimeSpan.FromSeconds(30));
                turns += result.Turns;
                errors += result.Errors;
                latencies.Add((result.P50Milliseconds, result.P99Milliseconds, result.Turns));
            }

            var elapsed = clock.Elapsed - intervalStart;
            var cpuPerTurn = (bot.Meter.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, turns - errors);
            totalErrors += errors;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {clock.Elapsed.TotalSeconds:F0} | {turns:N0} | {(turns - errors) / elapsed.TotalSeconds:N0} | {latencies.Average(l => l.P50):F2} | {latencies.Max(l => l.P99):F2} | {errors} | {cpuPerTurn:F3} | {bot.Meter.ResidentMegabytes():F0} |"));
        }

        Console.WriteLine("(p50 is the mean of 2,000-turn rounds' medians; p99 the worst round's.)");
        redis?.Kill(entireProcessTree: true);
        return totalErrors > 0 ? 1 : 0;
    }

    private static Process StartRedis(int port)
    {
        var directory = Directory.CreateTempSubdirectory("oraclebot-soak-redis").FullName;
        return BenchBot.StartProcess("redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory],
            directory, new Dictionary<string, string>());
    }
}
