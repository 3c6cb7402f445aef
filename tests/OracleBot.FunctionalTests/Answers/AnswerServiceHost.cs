using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers.Retrieval;
using OracleBot.AnswerService;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Answers;

/// <summary>The answer service (<c>src/OracleBot.AnswerService</c>) on a real Kestrel socket on loopback.</summary>
public sealed class AnswerServiceHost : IAsyncLifetime
{
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    /// <summary>Settings beside the shared index's, e.g. PubMed's.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _app = AnswerApi.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration["Answers:IndexDirectory"] = RepositoryPaths.SharedIndexDirectory;
            builder.Configuration[RepositoryPaths.VectorsEnabledSetting] = "false";
            foreach (var (key, value) in Settings)
            {
                builder.Configuration[key] = value;
            }
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        await _app.Services.GetRequiredService<KnowledgeIndex>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
