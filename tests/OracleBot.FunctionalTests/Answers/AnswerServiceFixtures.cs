using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Answers;

/// <summary>An answer service resolved from DI exactly as the bot registers it, for one <c>Answers:Mode</c>.</summary>
public abstract class AnswerServiceFixture : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public IStreamingAnswerService Service { get; private set; } = null!;

    public IRetriever Retriever { get; private set; } = null!;

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    public virtual async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        settings["Answers:IndexDirectory"] = RepositoryPaths.SharedIndexDirectory;
        settings.TryAdd(RepositoryPaths.VectorsEnabledSetting, "false");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddAnswerService()
            .BuildServiceProvider(validateScopes: true);
        Service = _services.GetRequiredService<IStreamingAnswerService>();
        Retriever = await RetrieverAsync();
    }

    /// <summary>The retriever whose results the answers must cite from (the remote service's own, for Remote).</summary>
    protected virtual async Task<IRetriever> RetrieverAsync()
    {
        var index = _services.GetRequiredService<KnowledgeIndex>();
        await index.EnsureReadyAsync(CancellationToken.None);
        return index;
    }

    public virtual async Task DisposeAsync() => await _services.DisposeAsync();
}

public sealed class EmbeddedAnswerServiceFixture : AnswerServiceFixture
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Answers:Mode"] = "Embedded" });
}

public sealed class RemoteAnswerServiceFixture : AnswerServiceFixture
{
    private readonly AnswerServiceHost _host = new();

    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        await _host.InitializeAsync();
        return new Dictionary<string, string?> { ["Answers:Mode"] = "Remote", ["Answers:Remote:BaseAddress"] = _host.BaseAddress.ToString() };
    }

    protected override async Task<IRetriever> RetrieverAsync()
    {
        var index = (KnowledgeIndex)_host.Services.GetService(typeof(KnowledgeIndex))!;
        await index.EnsureReadyAsync(CancellationToken.None);
        return index;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }
}
