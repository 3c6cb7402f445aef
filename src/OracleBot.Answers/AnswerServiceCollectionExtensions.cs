using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Conversation;
using OracleBot.Answers.Embeddings;
using OracleBot.Answers.PubMed;
using OracleBot.Answers.Remote;
using OracleBot.Answers.Retrieval;
using OracleBot.Answers.Writing;

namespace OracleBot.Answers;

public static class AnswerServiceCollectionExtensions
{
    /// <summary>The named HTTP client of the remote answer service.</summary>
    public const string RemoteHttpClientName = "answers";

    /// <summary>
    /// Registers the answer service configured in section <c>Answers</c> (options validated on start).
    /// <c>Answers:Mode</c> Embedded (default): the knowledge index (a singleton opened in the background at
    /// start-up; see <see cref="KnowledgeIndex.IsReady"/>), <see cref="IRetriever"/>, the query rewriter, the
    /// Azure OpenAI writer when <c>Answers:AzureOpenAI</c> is configured, and <see cref="EmbeddedAnswerService"/>.
    /// Remote: <see cref="HttpAnswerService"/> over <c>Answers:Remote:BaseAddress</c> with timeouts, retries
    /// and a circuit breaker whose state <see cref="RemoteAnswerHealth"/> tracks. Either way
    /// <see cref="IAnswerService"/> and <see cref="IStreamingAnswerService"/>.
    /// </summary>
    public static IServiceCollection AddAnswerService(this IServiceCollection services)
    {
        services.AddOptions<AnswersOptions>()
            .BindConfiguration(AnswersOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .Validate(o => Enum.IsDefined(o.Mode), "Answers:Mode must be Embedded or Remote.")
            .Validate(o => o.Mode != AnswerMode.Remote || o.Remote.BaseAddress is { IsAbsoluteUri: true }, "Answers:Remote:BaseAddress must be an absolute URL when Answers:Mode is Remote.")
            .Validate(o => o.MaxStatements is >= 1 and <= 20, "Answers:MaxStatements must be between 1 and 20.")
            .Validate(o => o.TopDocuments is >= 1 and <= 50, "Answers:TopDocuments must be between 1 and 50.")
            .Validate(o => o.ShortQuestionWords is >= 0 and <= 50, "Answers:ShortQuestionWords must be between 0 and 50.")
            .Validate(o => o.AnswerCacheSize is >= 0 and <= 1_000_000, "Answers:AnswerCacheSize must be between 0 and 1000000.")
            .Validate(o => o.Remote.MaxRetries is >= 0 and <= 10 && o.Remote.AttemptTimeout > TimeSpan.Zero && o.Remote.TotalTimeout >= o.Remote.AttemptTimeout, "Answers:Remote timeouts must be positive (total ≥ attempt) and MaxRetries 0–10.")
            .Validate(o => o.Remote.BreakerFailures is >= 2 and <= 1000 && o.Remote.BreakDuration >= TimeSpan.FromSeconds(0.5) && o.Remote.BreakDuration <= TimeSpan.FromDays(1), "Answers:Remote:BreakerFailures must be 2–1000 and BreakDuration between 00:00:00.5 and 1.00:00:00.")
            .Validate(o => o.AzureOpenAI.Endpoint is null || (o.AzureOpenAI.Endpoint.IsAbsoluteUri && !string.IsNullOrWhiteSpace(o.AzureOpenAI.Deployment)), "Answers:AzureOpenAI needs an absolute Endpoint and a Deployment.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswersOptions>, VectorOptionsValidation>());

        // The mode is read from configuration at registration so Remote deployments never open an index.
        services.TryAddSingleton<IAnswerService>(sp => sp.GetRequiredService<IStreamingAnswerService>());
        services.TryAddSingleton<IStreamingAnswerService>(sp =>
            sp.GetRequiredService<IOptions<AnswersOptions>>().Value.Mode == AnswerMode.Remote
                ? sp.GetRequiredService<HttpAnswerService>()
                : sp.GetRequiredService<EmbeddedAnswerService>());

        services.AddHttpClient<HttpAnswerService>(RemoteHttpClientName, (sp, client) =>
            {
                var remote = sp.GetRequiredService<IOptions<AnswersOptions>>().Value.Remote;
                client.BaseAddress = remote.BaseAddress is { } b && !b.AbsoluteUri.EndsWith('/') ? new Uri(b.AbsoluteUri + "/") : remote.BaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan; // The pipeline's timeouts apply.
            })
            .AddResilienceHandler(RemoteAnswerResilience.PipelineName, RemoteAnswerResilience.Configure);
        services.TryAddSingleton(sp => new RemoteAnswerHealth(sp.GetService<TimeProvider>() ?? TimeProvider.System));

        services.TryAddSingleton(sp => new KnowledgeIndex(
            KnowledgeIndexPaths.Resolve(sp.GetRequiredService<IOptions<AnswersOptions>>().Value, sp.GetService<IHostEnvironment>()?.ContentRootPath),
            sp.GetRequiredService<ILogger<KnowledgeIndex>>(),
            sp.GetRequiredService<IOptions<AnswersOptions>>().Value.Vectors));
        services.TryAddSingleton<IRetriever>(sp => sp.GetRequiredService<KnowledgeIndex>());
        services.TryAddSingleton(sp => new AnswerCache(sp.GetRequiredService<IOptions<AnswersOptions>>().Value.AnswerCacheSize));
        services.TryAddSingleton<AzureChat>();
        services.TryAddSingleton<IQueryRewriter>(AzureChat.Rewriter);
        services.TryAddSingleton(sp => new EmbeddedAnswerService(
            sp.GetRequiredService<KnowledgeIndex>(),
            sp.GetRequiredService<IOptions<AnswersOptions>>(),
            sp.GetRequiredService<ILogger<EmbeddedAnswerService>>(),
            AzureChat.Writer(sp),
            sp.GetRequiredService<IQueryRewriter>(),
            sp.GetRequiredService<AnswerCache>(),
            sp.PubMedSourceIfEnabled()));
        services.AddPubMedSearch();
        services.AddHostedService<KnowledgeIndexWarmup>();
        return services;
    }
}
