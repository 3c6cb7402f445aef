using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.PubMed;

namespace OracleBot.Hosting;

/// <summary>
/// PubMed as this instance's circuit sees it: Degraded while the circuit is open or half-open — answers still
/// come, from the local library, with a notice — never Unhealthy, since every instance shares the one PubMed.
/// </summary>
internal sealed class PubMedHealthCheck(IOptions<AnswersOptions> answers, PubMedCircuit circuit) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = answers.Value;
        if (options.Mode != AnswerMode.Embedded || !options.PubMed.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("PubMed search is off."));
        }

        return Task.FromResult(
            CircuitHealth.Degraded(
                circuit.Current.Circuit,
                whileOpen: "PubMed's circuit is open: answers use the local library only until the break ends.",
                whileHalfOpen: "PubMed's circuit is half-open: the next question tries PubMed again.")
            ?? HealthCheckResult.Healthy("PubMed is answering."));
    }
}
