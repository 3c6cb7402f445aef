using Microsoft.Extensions.Diagnostics.HealthChecks;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Hosting;

/// <summary>Ready once the knowledge index is open: before that every question would fail.</summary>
internal sealed class KnowledgeIndexHealthCheck(KnowledgeIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy("The knowledge index is open.")
            : HealthCheckResult.Unhealthy("The knowledge index is still opening or building."));
}
