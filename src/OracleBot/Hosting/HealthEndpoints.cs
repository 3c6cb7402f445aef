using OracleBot.Answers.PubMed;
using OracleBot.ServiceDefaults;

namespace OracleBot.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive. <c>/readyz</c>: it can answer questions now — 503 Unhealthy until it
/// can; 200 Degraded while a remote answer service or PubMed is failing, since the instance still gives every
/// question a clear card; 200 Healthy.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddBotHealth(this IServiceCollection services)
    {
        services.AddSingleton<ConversationStoreHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<KnowledgeIndexHealthCheck>("knowledge-index", tags: [ServiceHealth.ReadyTag])
            .AddCheck<ConversationStoreHealthCheck>("conversation-store", tags: [ServiceHealth.ReadyTag])
            .AddCheck<AnswerServiceHealthCheck>("answer-service", tags: [ServiceHealth.ReadyTag])
            .AddDegradedWhen("pubmed", PubMedReadiness.DegradedReason);
        return services;
    }

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapServiceHealth();
    }
}
