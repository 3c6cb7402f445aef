using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using OracleBot.Conversations;
using OracleBot.Conversations.Redis;
using OracleBot.Conversations.Sqlite;
using StackExchange.Redis;

namespace OracleBot.Benchmarks.Progress;

/// <summary>
/// What the conversation store adds to a turn: accept (claim + inbox), read the thread and the audience,
/// complete (mark done + append the turn), measured as wall time and this process's CPU per turn.
/// </summary>
internal sealed class StoreBenchmark : IBenchmark
{
    public string Name => "store";

    public string Summary => "conversation store cost per turn (accept, thread, audience, complete) [--turns N] [--redis host:port]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var turns = int.Parse(Option(arguments, "--turns", "20000"), CultureInfo.InvariantCulture);
        var redisConfiguration = Option(arguments, "--redis", string.Empty);
        var directory = Directory.CreateTempSubdirectory("oraclebot-store-bench-").FullName;
        var options = Options.Create(new ConversationOptions { RedisKeyPrefix = "bench:" + Guid.NewGuid().ToString("N")[..8] + ":" });
        var payload = new byte[700];
        Console.WriteLine("| store | concurrency | turns/s | µs per turn (wall) | CPU µs per turn |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        try
        {
            using (var sqlite = new SqliteConversationStore(Path.Combine(directory, "bench.db"), options, TimeProvider.System))
            {
                await MeasureAsync("SQLite (WAL, synchronous=NORMAL)", sqlite, payload, turns, cancellationToken);
            }

            if (redisConfiguration.Length > 0)
            {
                using var connection = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);
                await MeasureAsync("Redis", new RedisConversationStore(connection, options, TimeProvider.System), payload, turns, cancellationToken);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, IConversationStore store, byte[] payload, int turns, CancellationToken cancellationToken)
    {
        await RunTurnsAsync(store, payload, 2_000, 1, "warm", cancellationToken);
        foreach (var concurrency in new[] { 1, 16 })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await RunTurnsAsync(store, payload, turns, concurrency, "run" + concurrency, cancellationToken);
            clock.Stop();
            var cpuPerTurn = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / turns;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {concurrency} | {turns / clock.Elapsed.TotalSeconds:N0} | {clock.Elapsed.TotalMicroseconds / turns * concurrency:F1} | {cpuPerTurn:F1} |"));
        }
    }

    private static Task RunTurnsAsync(IConversationStore store, byte[] payload, int turns, int concurrency, string tag, CancellationToken cancellationToken)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < turns)
            {
                // A few hundred threads with follow-ups, as in real use: thread state is read and rewritten.
                var key = new ActivityKey($"a:{tag}-{i % 500}", $"{tag}-{i}");
                await store.TryAcceptAsync(key, payload, cancellationToken);
                var thread = store.GetThreadAsync(key.ConversationId, cancellationToken);
                await store.GetAudienceAsync("aad:" + (i % 500), cancellationToken);
                await thread;
                await store.CompleteAsync(key, new ThreadTurn("What are the symptoms of hemochromatosis?", "Fatigue and joint pain are common.",
                    ["medquad:0000123", "pmid:21645374"], Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "m" + i), cancellationToken);
            }
        }));
    }

    private static string Option(IReadOnlyList<string> arguments, string name, string fallback)
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
