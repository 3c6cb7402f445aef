using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.PubMed;

public static class PubMedRegistration
{
    /// <summary>
    /// Registers live PubMed search (<c>Answers:PubMed</c>, validated on start): the E-utilities client, its
    /// circuit, and — unless the host registered shared ones first — a rate gate and cache of this process.
    /// The embedded engine uses it only when <see cref="PubMedOptions.Enabled"/>.
    /// </summary>
    public static IServiceCollection AddPubMedSearch(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AnswersOptions>, PubMedOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AnswersOptions>>().Value.PubMed);
        services.TryAddSingleton<IPubMedRateGate>(sp => new LocalPubMedRateGate(
            sp.GetRequiredService<PubMedOptions>().EffectiveRequestsPerSecond, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPubMedCache>(sp => new MemoryPubMedCache(
            sp.GetRequiredService<PubMedOptions>().CacheEntries, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PubMedCircuit(sp.GetRequiredService<PubMedOptions>(), sp.GetRequiredService<TimeProvider>()));

        // One long-lived client whose connections are recycled, so DNS changes at NCBI are followed. No cookies:
        // NCBI's session cookie would tie one question's searches to the next. The factory's own request logging
        // is removed: it would log URLs, and a URL carries the search terms.
        services.AddHttpClient(PubMedClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), UseCookies = false })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.TryAddSingleton(sp => new PubMedClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PubMedClient.HttpClientName),
            sp.GetRequiredService<PubMedOptions>(),
            sp.GetRequiredService<IPubMedRateGate>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PubMedClient>>()));
        services.TryAddSingleton(sp => new PubMedSearcher(
            sp.GetRequiredService<PubMedClient>(),
            sp.GetRequiredService<IPubMedCache>(),
            sp.GetRequiredService<PubMedCircuit>(),
            sp.GetRequiredService<PubMedOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PubMedSearcher>>()));
        services.TryAddSingleton(sp => new PubMedEvidenceSource(sp.GetRequiredService<PubMedSearcher>(), sp.GetRequiredService<KnowledgeIndex>()));
        return services;
    }

    /// <summary>The PubMed source when it is switched on, else null.</summary>
    public static PubMedEvidenceSource? PubMedSourceIfEnabled(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<AnswersOptions>>().Value.PubMed.Enabled ? services.GetRequiredService<PubMedEvidenceSource>() : null;

    private sealed class PubMedOptionsValidation : IValidateOptions<AnswersOptions>
    {
        public ValidateOptionsResult Validate(string? name, AnswersOptions options) =>
            options.PubMed.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
