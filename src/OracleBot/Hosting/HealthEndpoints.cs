using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace OracleBot.Hosting;

/// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: it can answer questions now.</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddBotHealth(this IServiceCollection services)
    {
        services.AddSingleton<ConversationStoreHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<KnowledgeIndexHealthCheck>("knowledge-index", tags: [ReadyTag])
            .AddCheck<ConversationStoreHealthCheck>("conversation-store", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
