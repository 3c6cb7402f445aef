using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly.CircuitBreaker;

namespace OracleBot.Hosting;

/// <summary>
/// How a dependency's circuit reads in readiness: Degraded while it is open (or isolated by hand) or half-open,
/// never Unhealthy, since every instance shares the one dependency and leaving rotation would help no one.
/// </summary>
internal static class CircuitHealth
{
    /// <summary>The Degraded result for a circuit that is not closed; null for a closed one.</summary>
    public static HealthCheckResult? Degraded(CircuitState circuit, string whileOpen, string whileHalfOpen) => circuit switch
    {
        CircuitState.Open or CircuitState.Isolated => HealthCheckResult.Degraded(whileOpen),
        CircuitState.HalfOpen => HealthCheckResult.Degraded(whileHalfOpen),
        _ => null,
    };
}
