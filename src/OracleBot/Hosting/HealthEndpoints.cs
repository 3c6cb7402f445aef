using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace OracleBot.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive. <c>/readyz</c>: it can answer questions now — 503 Unhealthy until it
/// can; 200 Degraded while a remote answer service is failing, since the instance still gives every question a
/// clear card; 200 Healthy.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddBotHealth(this IServiceCollection services)
    {
        services.AddSingleton<ConversationStoreHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<KnowledgeIndexHealthCheck>("knowledge-index", tags: [ReadyTag])
            .AddCheck<ConversationStoreHealthCheck>("conversation-store", tags: [ReadyTag])
            .AddCheck<AnswerServiceHealthCheck>("answer-service", tags: [ReadyTag])
            .AddCheck<PubMedHealthCheck>("pubmed", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
