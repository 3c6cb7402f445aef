using System.Diagnostics;
using System.Globalization;
using System.Text;
using OracleBot.Benchmarks.Turns;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Progress;

/// <summary>
/// Time from the inbound POST to the first progress activity at the connector (the Teams informative stream
/// update in a personal chat), under an open-loop load of new questions, against the real bot process with
/// its SQLite conversation store. Answers are delayed as a remote answer service would delay them, so every
/// turn needs progress.
/// </summary>
internal sealed class ProgressBenchmark : IBenchmark
{
    public string Name => "progress";

    public string Summary => "POST to first progress activity, p50/p99 under load [--rates 100,400] [--seconds 10] [--answer-delay 2] [--workers 1024] [--warmup-seconds 15]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var rates = Option(arguments, "--rates", "100,400").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var seconds = int.Parse(Option(arguments, "--seconds", "10"), CultureInfo.InvariantCulture);
        var answerDelay = double.Parse(Option(arguments, "--answer-delay", "2"), CultureInfo.InvariantCulture);
        var workers = Option(arguments, "--workers", "1024");
        var warmupSeconds = int.Parse(Option(arguments, "--warmup-seconds", "15"), CultureInfo.InvariantCulture);
        var root = BenchPaths.RepositoryRoot;
        var dataDirectory = Directory.CreateTempSubdirectory("oraclebot-progress-").FullName;

        await using var sink = await ProgressSink.StartAsync();
        var port = FreePort.Next();
        var botAssembly = Path.Combine(root, "src", "OracleBot", "bin", BenchPaths.Configuration, "net10.0", "OracleBot.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(botAssembly)!, UseShellExecute = false };
        info.ArgumentList.Add(botAssembly);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Answers__IndexDirectory"] = Path.Combine(root, "artifacts", "index");
        info.Environment["Answers__Vectors__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Conversations__DataDirectory"] = dataDirectory;
        info.Environment["Turns__SimulatedAnswerDelay"] = TimeSpan.FromSeconds(answerDelay).ToString("c", CultureInfo.InvariantCulture);
        info.Environment["Turns__Concurrency"] = workers;

        // The load is one synthetic tenant; the per-tenant and per-user limits would shed most of it.
        info.Environment["Bot__RateLimits__Enabled"] = "false";

        // Unsigned loopback traffic, outside the Development environment: anonymous access has to be said.
        info.Environment["Bot__AllowUnauthenticated"] = "true";
        using var bot = Process.Start(info)!;
        var meter = new ProcessMeter(bot.Id);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var endpoint = new Uri($"http://127.0.0.1:{port}/api/messages");
        try
        {
            await WaitReadyAsync(http, new Uri($"http://127.0.0.1:{port}/readyz"), bot, cancellationToken);
            // Long enough for tiered JIT to settle: the first thousand turns run partly unoptimised code.
            await RunLoadAsync(http, endpoint, sink, rate: 80, seconds: warmupSeconds, answerDelay, "warm", cancellationToken);

            Console.WriteLine($"Progress latency: inbound POST → first progress activity at the connector; personal chats (Teams informative stream);");
            Console.WriteLine($"answers delayed {answerDelay:F1} s; SQLite store (WAL); {workers} turn workers; {seconds} s per rate; {Environment.ProcessorCount} cores shared by bot, load and connector.");
            Console.WriteLine();
            Console.WriteLine("| offered msg/s | sent | ack p50 ms | ack p99 ms | progress p50 ms | progress p90 ms | progress p99 ms | progress max ms | missing | bot CPU ms/turn |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var rate in rates)
            {
                var cpuBefore = meter.CpuTime();
                var result = await RunLoadAsync(http, endpoint, sink, rate, seconds, answerDelay, "r" + rate, cancellationToken);
                var cpuPerTurn = (meter.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, result.Sent);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {rate} | {result.Sent} | {result.Ack.P50:F1} | {result.Ack.P99:F1} | {result.Progress.P50:F1} | {result.Progress.P90:F1} | {result.Progress.P99:F1} | {result.Progress.Max:F1} | {result.Missing} | {cpuPerTurn:F3} |"));
            }

            return 0;
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<LoadResult> RunLoadAsync(
        HttpClient http, Uri endpoint, ProgressSink sink, int rate, int seconds, double answerDelay, string tag, CancellationToken cancellationToken)
    {
        var total = rate * seconds;
        var started = new long[total];
        var acked = new long[total];
        var conversations = new string[total];
        var posts = new Task[total];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            // Open loop: each message leaves at its scheduled time, whether or not earlier ones were answered.
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            conversations[i] = $"a:bench-{tag}-{i}-{Guid.NewGuid():N}";
            posts[i] = PostAsync(http, endpoint, sink.ServiceUrl, conversations[i], i, started, acked, cancellationToken);
        }

        await Task.WhenAll(posts);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * (long)(answerDelay + 15);
        while (!conversations.All(sink.Answered) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        var progress = new List<double>(total);
        var acks = new List<double>(total);
        var missing = 0;
        for (var i = 0; i < total; i++)
        {
            acks.Add(Stopwatch.GetElapsedTime(started[i], acked[i]).TotalMilliseconds);
            if (sink.TryGetFirstProgress(conversations[i], out var at))
            {
                progress.Add(Stopwatch.GetElapsedTime(started[i], at).TotalMilliseconds);
            }
            else
            {
                missing++;
            }
        }

        return new LoadResult(total, Percentiles.Of(acks), Percentiles.Of(progress), missing);
    }

    private static async Task PostAsync(
        HttpClient http, Uri endpoint, string serviceUrl, string conversationId, int i, long[] started, long[] acked, CancellationToken cancellationToken)
    {
        var json = $$"""
            {"type":"message","id":"{{i}}","channelId":"msteams","serviceUrl":"{{serviceUrl}}",
             "from":{"id":"29:bench-user-{{i % 500}}","aadObjectId":"00000000-0000-0000-0000-{{i % 500:D12}}"},
             "recipient":{"id":"28:bench-bot","name":"OracleBot"},
             "conversation":{"id":"{{conversationId}}","conversationType":"personal","tenantId":"bench"},
             "text":"What are the symptoms of hemochromatosis?","textFormat":"plain"}
            """;
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        started[i] = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(endpoint, content, cancellationToken);
        acked[i] = Stopwatch.GetTimestamp();
        response.EnsureSuccessStatusCode();
    }

    private static async Task WaitReadyAsync(HttpClient http, Uri url, Process bot, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {bot.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{url} never became ready.");
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

    private sealed record LoadResult(int Sent, Percentiles Ack, Percentiles Progress, int Missing);
}
