using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OracleBot.Telemetry;

namespace OracleBot.ServiceDefaults;

/// <summary>
/// The OpenTelemetry defaults both hosts share, so the answer service is as observable as the bot: when an OTLP
/// endpoint is configured (<c>Telemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) or
/// <c>Telemetry:Enabled</c> is true, the SDK with ASP.NET Core and HttpClient instrumentation (probes left out,
/// outbound URLs without ids, no exception text) exporting traces and metrics over OTLP. Otherwise nothing.
/// </summary>
public static class ServiceTelemetry
{
    public static IServiceCollection AddServiceTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        string defaultServiceName,
        IReadOnlyList<string> sources,
        IReadOnlyList<string> meters)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();

        // The SDK is only worth its per-request cost when something receives the data, so the decision is
        // made here, from the configuration the host builder has already assembled (files, environment, command line).
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var exporter = OtlpTarget.From(options, configuration);
        if (exporter is null && !options.Enabled)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(FirstNonEmpty(configuration["OTEL_SERVICE_NAME"], options.ServiceName) ?? defaultServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource([.. sources])
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !ServiceHealth.IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation(o =>
                    {
                        o.EnrichWithHttpRequestMessage = (span, request) => TelemetryRedaction.RedactUrl(span, request.RequestUri);
                        o.RecordException = false;
                    });
                exporter?.AddTo(tracing);
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter([.. meters])
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                exporter?.AddTo(metrics);
            });
        return services;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
