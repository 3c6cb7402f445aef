using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// Full turns through the real bot process — signed activity in, retrieval over the seed knowledge base,
/// answer card out at a loopback connector — beside a bare Kestrel endpoint doing one inbound and one
/// outbound POST, measured in the same run. CPU per turn is the server process's own CPU time.
/// </summary>
internal sealed class TurnsBenchmark : IBenchmark
{
    private const string AppId = "0b7a8f34-6d1c-4e2a-9f55-b3c1d2e4f6a8";

    public string Name => "turns";

    public string Summary => "full turns/s, p50/p99, CPU per turn vs a bare Kestrel endpoint [--turns N] [--concurrency 16,64]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var turns = IntOption(arguments, "--turns", 20_000);
        var warmup = IntOption(arguments, "--warmup", 3_000);
        var concurrencies = StringOption(arguments, "--concurrency", "16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var root = BenchPaths.RepositoryRoot;

        await using var channel = await LoopbackChannel.StartAsync(cancellationToken);
        await using var authority = await LoopbackTokenAuthority.StartAsync(cancellationToken);
        await using var sink = await ConnectorSink.StartAsync();
        var trustFile = Path.Combine(Path.GetTempPath(), $"oraclebot-bench-{Environment.ProcessId}.pem");
        await File.WriteAllTextAsync(trustFile, authority.ExportCertificatePem(), cancellationToken);

        var botPort = FreePort.Next();
        // Started in its own folder, as deployed, so it reads the appsettings.json beside it.
        var botAssembly = BotAssembly(root);
        using var bot = StartServer("dotnet", [botAssembly], Path.GetDirectoryName(botAssembly)!, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{botPort}",
            ["Bot__AppId"] = AppId,
            ["Bot__ClientSecret"] = "bench-secret",
            ["Bot__AuthorityHost"] = authority.AuthorityHost.ToString(),
            ["Bot__DisableInstanceDiscovery"] = "true",
            ["Bot__OpenIdMetadataUrl"] = channel.OpenIdMetadataUrl,
            ["Bot__RequireHttpsMetadata"] = "false",
            // Production settings otherwise: the loopback connector is plain http, and one load user is not a flood.
            ["Bot__AllowedServiceUrls__0"] = sink.ServiceUrl,
            ["Bot__RateLimits__Enabled"] = "false",
            ["Answers__IndexDirectory"] = Path.Combine(root, "artifacts", "index"),
            ["Logging__LogLevel__Default"] = "Warning",
            // The loopback token authority's self-signed certificate, trusted the standard OpenSSL way.
            ["SSL_CERT_FILE"] = trustFile,
        });
        var baselinePort = FreePort.Next();
        using var baseline = StartServer(Environment.ProcessPath!, [typeof(TurnsBenchmark).Assembly.Location, "baseline-server", baselinePort.ToString(CultureInfo.InvariantCulture)],
            root, new Dictionary<string, string>());

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var startup = Stopwatch.StartNew();
        await WaitHealthyAsync(http, new Uri($"http://127.0.0.1:{botPort}/readyz"), bot);
        var botStartup = startup.Elapsed;
        await WaitListeningAsync(baselinePort, baseline);

        var questions = BenchQuestions.Load(root);
        var token = channel.CreateToken(AppId, sink.ServiceUrl);
        var generator = new LoadGenerator(http, sink, token, questions);
        var targets = new (string Name, Uri Endpoint, ProcessMeter Meter)[]
        {
            ("bare Kestrel, 1 in + 1 out POST", new Uri($"http://127.0.0.1:{baselinePort}/api/messages"), new ProcessMeter(baseline.Id)),
            ("OracleBot full turn", new Uri($"http://127.0.0.1:{botPort}/api/messages"), new ProcessMeter(bot.Id)),
        };

        Console.WriteLine($"OracleBot turn benchmark: {turns:N0} measured turns per row after {warmup:N0} warm-up turns; {questions.Count:N0} distinct questions; {Environment.ProcessorCount} cores.");
        Console.WriteLine($"Bot ready {botStartup.TotalSeconds:F1} s after launch (index reused if present).");
        Console.WriteLine();
        Console.WriteLine("| server | concurrent conversations | turns/s | p50 ms | p99 ms | server CPU ms/turn | errors | server RSS MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var rows = new List<(string Name, int Concurrency, LoadResult Result, double CpuPerTurn)>();
        foreach (var concurrency in concurrencies)
        {
            foreach (var (name, endpoint, meter) in targets)
            {
                await generator.RunAsync(endpoint, concurrency, warmup, $"warm{concurrency}{name.Length}", TimeSpan.FromSeconds(30));
                var cpuBefore = meter.CpuTime();
                var result = await generator.RunAsync(endpoint, concurrency, turns, $"run{concurrency}{name.Length}", TimeSpan.FromSeconds(30));
                var cpuPerTurn = (meter.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, result.Turns - result.Errors);
                rows.Add((name, concurrency, result, cpuPerTurn));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {concurrency} | {result.TurnsPerSecond:N0} | {result.P50Milliseconds:F2} | {result.P99Milliseconds:F2} | {cpuPerTurn:F3} | {result.Errors} | {meter.ResidentMegabytes():F0} |"));
            }
        }

        Console.WriteLine();
        foreach (var concurrency in concurrencies)
        {
            var bare = rows.Single(r => r.Concurrency == concurrency && r.Name.StartsWith("bare", StringComparison.Ordinal));
            var full = rows.Single(r => r.Concurrency == concurrency && !r.Name.StartsWith("bare", StringComparison.Ordinal));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"At {concurrency}: OracleBot runs at {full.Result.TurnsPerSecond / bare.Result.TurnsPerSecond:P0} of the bare endpoint's rate, using {full.CpuPerTurn / bare.CpuPerTurn:F1}x its CPU per turn."));
        }

        Console.WriteLine($"Answer cards received by the connector: {sink.Replies:N0}; progress updates: {sink.ProgressUpdates:N0}.");
        File.Delete(trustFile);
        bot.Kill(entireProcessTree: true);
        baseline.Kill(entireProcessTree: true);
        return rows.Any(r => r.Result.Errors > 0) ? 1 : 0;
    }

    private static Process StartServer(string fileName, IEnumerable<string> arguments, string workingDirectory, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Uri url, Process process)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{url} never became ready.");
    }

    private static async Task WaitListeningAsync(int port, Process process)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The baseline server exited early.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("The baseline server never listened.");
    }

    private static string BotAssembly(string root)
    {
        var path = Path.Combine(root, "src", "OracleBot", "bin", BenchPaths.Configuration, "net10.0", "OracleBot.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the bot first (dotnet build -c " + BenchPaths.Configuration + ").", path);
    }

    private static int IntOption(IReadOnlyList<string> arguments, string name, int fallback) =>
        int.Parse(StringOption(arguments, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string StringOption(IReadOnlyList<string> arguments, string name, string fallback)
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
