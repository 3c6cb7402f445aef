using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Remote;

namespace OracleBot.Hosting;

/// <summary>
/// The remote answer service as this instance's client sees it: Degraded while its circuit is open or
/// half-open, or while its latest attempts failed. Degraded, never Unhealthy: every instance shares the one
/// answer service, so taking instances out of rotation would turn the user's error card into no reply at all.
/// The embedded engine has no circuit; the knowledge index check covers it.
/// </summary>
internal sealed class AnswerServiceHealthCheck(IOptions<AnswersOptions> answers, RemoteAnswerHealth remote) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (answers.Value.Mode != AnswerMode.Remote)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Answers come from the embedded engine."));
        }

        var status = remote.Current;
        return Task.FromResult(
            CircuitHealth.Degraded(
                status.Circuit,
                whileOpen: "The answer service's circuit is open: questions get the error card at once until the break ends.",
                whileHalfOpen: "The answer service's circuit is half-open: one question is trying the service again.")
            ?? (status.RecentFailures > 0
                ? HealthCheckResult.Degraded($"The answer service failed the last {status.RecentFailures} attempt(s).")
                : HealthCheckResult.Healthy("The answer service is answering.")));
    }
}
