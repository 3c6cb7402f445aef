using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OracleBot.ServiceDefaults;

/// <summary>
/// The probes both hosts answer: <c>/healthz</c>, the process is alive (no checks run); <c>/readyz</c>, the
/// checks tagged <see cref="ReadyTag"/> (503 Unhealthy until the instance can answer).
/// </summary>
public static class ServiceHealth
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapServiceHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    /// <summary>Probe requests, which would otherwise fill the traces every few seconds.</summary>
    public static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
