using Microsoft.Extensions.DependencyInjection.Extensions;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Protocol;
using OracleBot.Protocol.Connector;
using OracleBot.ServiceDefaults;

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
        Decorate<IAnswerService>(services, (inner, _) => new TracedAnswerService(inner));
        Decorate<IConnectorClient>(services, (inner, _) => new TracedConnectorClient(inner));
        services.AddTransient<ConnectorRetryCounter>();
        services.AddHttpClient(BotProtocolServiceCollectionExtensions.ConnectorHttpClientName).AddHttpMessageHandler<ConnectorRetryCounter>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, InboundTelemetry>());
        services.AddHostedService<IndexCacheTelemetry>();
        return services.AddServiceTelemetry(configuration, "oraclebot", [BotTelemetry.Name], [BotTelemetry.Name, AnswerCache.MeterName]);
    }

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
