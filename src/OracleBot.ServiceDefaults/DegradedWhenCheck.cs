using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OracleBot.ServiceDefaults;

/// <summary>A readiness check that is Degraded (200) while a dependency the instance can answer without is failing.</summary>
internal sealed class DegradedWhenCheck(Func<string?> degradedReason) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(degradedReason() is { } reason ? HealthCheckResult.Degraded(reason) : HealthCheckResult.Healthy());
}

public static class DegradedWhenCheckRegistration
{
    /// <summary>Adds a readiness check named <paramref name="name"/>: Degraded while <paramref name="degradedReason"/> gives a reason.</summary>
    public static IHealthChecksBuilder AddDegradedWhen(this IHealthChecksBuilder builder, string name, Func<IServiceProvider, string?> degradedReason) =>
        builder.Add(new HealthCheckRegistration(name, services => new DegradedWhenCheck(() => degradedReason(services)), failureStatus: null, tags: [ServiceHealth.ReadyTag]));
}
