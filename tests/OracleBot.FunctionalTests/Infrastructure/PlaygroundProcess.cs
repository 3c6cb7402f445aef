namespace OracleBot.FunctionalTests.Infrastructure;

/// <summary>
/// The Microsoft 365 Agents Playground (npm), the local Teams: it talks to the bot's /api/messages like
/// Teams does and renders its cards. Started offline, from the repository root so that it reads the
/// Teams-shaped identities in <c>.m365agentsplayground.yml</c>.
/// </summary>
internal sealed class PlaygroundProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private PlaygroundProcess(ChildProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string ReadLog() => _process.ReadLog();

    public static async Task<PlaygroundProcess> StartAsync(Uri botMessagesEndpoint)
    {
        var cli = Path.Combine(RepositoryPaths.JavaScriptPeers, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Agents Playground is not installed ({cli}); run scripts/install-test-dependencies.sh.");
        }

        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["TEAMSAPPTESTER_BROWSER"] = "none",
            ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true",
        };
        var process = ChildProcess.Start("playground", "node",
            [cli, "-e", botMessagesEndpoint.ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry"],
            RepositoryPaths.Root, environment);
        var address = new Uri($"http://localhost:{port}");
        var playground = new PlaygroundProcess(process, address);
        try
        {
            await process.WaitUntilHealthyAsync(new Uri(address, "/_debug/ping"), TimeSpan.FromSeconds(60));
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }

        return playground;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
