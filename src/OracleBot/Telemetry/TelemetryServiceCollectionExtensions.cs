using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Protocol;
using OracleBot.Protocol.Connector;

namespace OracleBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bot's spans and metrics (see <see cref="BotTelemetry"/>) around the answer service, the
    /// connector and <c>/api/messages</c>, and, when an OTLP endpoint is configured (<c>Telemetry:OtlpEndpoint</c>
    /// or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) or <c>Telemetry:Enabled</c> is true, the OpenTelemetry SDK with
    /// ASP.NET Core and HttpClient instrumentation exporting over OTLP. Call after the answer service and
    /// protocol registrations, whose services it wraps.
    /// </summary>
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true).ValidateOnStart();

        Decorate<IAnswerService>(services, (inner, _) => new TracedAnswerService(inner));
        Decorate<IConnectorClient>(services, (inner, _) => new TracedConnectorClient(inner));
        services.AddTransient<ConnectorRetryCounter>();
        services.AddHttpClient(BotProtocolServiceCollectionExtensions.ConnectorHttpClientName).AddHttpMessageHandler<ConnectorRetryCounter>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, InboundTelemetry>());
        services.AddHostedService<IndexCacheTelemetry>();

        // The SDK is only worth its per-request cost when something receives the data, so the decision is
        // made here, from the configuration the host builder has already assembled (files, environment, command line).
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var exporter = OtlpTarget.From(options, configuration);
        if (exporter is null && !options.Enabled)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(FirstNonEmpty(configuration["OTEL_SERVICE_NAME"], options.ServiceName) ?? "oraclebot"))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(BotTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
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
                    .AddMeter(BotTelemetry.Name, AnswerCache.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                exporter?.AddTo(metrics);
            });
        return services;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Replaces every registration of <typeparamref name="TService"/> with a wrapper around it, same lifetime.</summary>
    private static void Decorate<TService>(IServiceCollection services, Func<TService, IServiceProvider, TService> wrap)
        where TService : class
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(TService) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(
                typeof(TService),
                sp => wrap((TService)Create(descriptor, sp), sp),
                descriptor.Lifetime);
        }
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
