namespace OracleBot.FunctionalTests.Infrastructure;

/// <summary>The bot as a newcomer runs it: its own process, listening on a loopback port.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private BotProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public string ReadLog() => _process.ReadLog();

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Answers__IndexDirectory"] = RepositoryPaths.SharedIndexDirectory,
            ["Answers__Vectors__Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = ChildProcess.Start("bot", "dotnet", [RepositoryPaths.BotAssembly], Path.GetDirectoryName(RepositoryPaths.BotAssembly)!, environment);
        var bot = new BotProcess(process, baseAddress);
        try
        {
            await process.WaitUntilHealthyAsync(new Uri(baseAddress, "/readyz"), TimeSpan.FromSeconds(120));
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
