using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Hosting;

/// <summary>
/// Ready once the embedded knowledge index is open: before that every question would fail. With a remote
/// answer service the local index is never opened, so it does not decide readiness.
/// </summary>
internal sealed class KnowledgeIndexHealthCheck(IServiceProvider services, IOptions<AnswersOptions> answers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (answers.Value.Mode == AnswerMode.Remote)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Answers come from the remote answer service."));
        }

        return Task.FromResult(services.GetRequiredService<KnowledgeIndex>().IsReady
            ? HealthCheckResult.Healthy("The knowledge index is open.")
            : HealthCheckResult.Unhealthy("The knowledge index is still opening or building."));
    }
}
