using System.Diagnostics;
using System.Net.Sockets;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// The real bot as its own process, configured as in production with an app id: it validates the loopback
/// channel's signed tokens, gets its connector token from a loopback HTTPS authority and replies to a lean
/// loopback connector. <see cref="StartAnotherAsync"/> starts more instances behind the same channel, authority
/// and connector, as Teams sees the replicas of one bot.
/// </summary>
internal sealed class BenchBot : IAsyncDisposable
{
    private const string AppId = "0b7a8f34-6d1c-4e2a-9f55-b3c1d2e4f6a8";

    private readonly LoopbackChannel _channel;
    private readonly LoopbackTokenAuthority _authority;
    private readonly string _trustFile;

    // The first instance started the loopback parts and disposes them; instances started from it share them.
    private readonly bool _ownsLoopback;

    private BenchBot(
        LoopbackChannel channel, LoopbackTokenAuthority authority, ConnectorSink sink, string trustFile, bool ownsLoopback,
        Process process, Uri baseAddress, TimeSpan startup)
    {
        _channel = channel;
        _authority = authority;
        _trustFile = trustFile;
        _ownsLoopback = ownsLoopback;
        Sink = sink;
        Process = process;
        Endpoint = new Uri(baseAddress, "/api/messages");
        Meter = new ProcessMeter(process.Id);
        Startup = startup;
        Token = channel.CreateToken(AppId, sink.ServiceUrl);
    }

    public ConnectorSink Sink { get; }

    public Process Process { get; }

    public Uri Endpoint { get; }

    public ProcessMeter Meter { get; }

    /// <summary>From launch to <c>/readyz</c> answering 200.</summary>
    public TimeSpan Startup { get; }

    /// <summary>A signed channel token, reused for every turn as a real channel does.</summary>
    public string Token { get; }

    /// <param name="buildDirectory">A folder holding another build's OracleBot.dll; null for this checkout's.</param>
    public static async Task<BenchBot> StartAsync(IReadOnlyDictionary<string, string>? extraSettings, CancellationToken cancellationToken, string? buildDirectory = null)
    {
        var channel = await LoopbackChannel.StartAsync(cancellationToken);
        var authority = await LoopbackTokenAuthority.StartAsync(cancellationToken);
        var sink = await ConnectorSink.StartAsync();
        var trustFile = Path.Combine(Path.GetTempPath(), $"oraclebot-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(trustFile, authority.ExportCertificatePem(), cancellationToken);
        return await LaunchAsync(channel, authority, sink, trustFile, ownsLoopback: true, extraSettings, buildDirectory);
    }

    /// <summary>
    /// Another instance of the same bot behind this one's channel, authority and connector, so <see cref="Token"/>
    /// and the connector sink serve both. Dispose it before this one.
    /// </summary>
    /// <param name="buildDirectory">A folder holding another build's OracleBot.dll (to compare two builds in one run); null for this checkout's.</param>
    public Task<BenchBot> StartAnotherAsync(IReadOnlyDictionary<string, string>? extraSettings, string? buildDirectory = null) =>
        LaunchAsync(_channel, _authority, Sink, _trustFile, ownsLoopback: false, extraSettings, buildDirectory);

    private static async Task<BenchBot> LaunchAsync(
        LoopbackChannel channel, LoopbackTokenAuthority authority, ConnectorSink sink, string trustFile, bool ownsLoopback,
        IReadOnlyDictionary<string, string>? extraSettings, string? buildDirectory = null)
    {
        var root = BenchPaths.RepositoryRoot;
        var port = FreePort.Next();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
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
            ["Answers__Vectors__Enabled"] = "false", // turn costs with BM25 retrieval; `retrieval` measures hybrid
            ["Conversations__DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oraclebot-bench-{Guid.NewGuid():N}"),
            ["Logging__LogLevel__Default"] = "Warning",
            // The loopback token authority's self-signed certificate, trusted the standard OpenSSL way.
            ["SSL_CERT_FILE"] = trustFile,
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        // Started in its own folder, as deployed, so it reads the appsettings.json beside it.
        var assembly = Path.Combine(buildDirectory ?? Path.Combine(root, "src", "OracleBot", "bin", BenchPaths.Configuration, "net10.0"), "OracleBot.dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException("Build the bot first (dotnet build -c " + BenchPaths.Configuration + ").", assembly);
        }

        var started = Stopwatch.StartNew();
        var process = StartProcess("dotnet", [assembly], Path.GetDirectoryName(assembly)!, settings);
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitHealthyAsync(http, new Uri(baseAddress, "/readyz"), process);
        return new BenchBot(channel, authority, sink, trustFile, ownsLoopback, process, baseAddress, started.Elapsed);
    }

    public static Process StartProcess(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
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

    public static async Task WaitListeningAsync(int port, Process process)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited early.");
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

        throw new TimeoutException($"Nothing listened on port {port}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
        if (_ownsLoopback)
        {
            await Sink.DisposeAsync();
            await _authority.DisposeAsync();
            await _channel.DisposeAsync();
            File.Delete(_trustFile);
        }
    }

    private static async Task WaitHealthyAsync(HttpClient http, Uri url, Process process)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
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
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{url} never became ready.");
    }
}
