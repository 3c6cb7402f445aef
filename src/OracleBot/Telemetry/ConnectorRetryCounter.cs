using Polly;

namespace OracleBot.Telemetry;

/// <summary>
/// Sits inside the connector's resilience handler, so it sees every attempt of a call; attempts after
/// the first within one resilience context are retries.
/// </summary>
internal sealed class ConnectorRetryCounter : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<bool> Attempted = new("oraclebot.connector.attempted");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.GetResilienceContext() is { } context)
        {
            if (context.Properties.TryGetValue(Attempted, out _))
            {
                BotTelemetry.RecordConnectorRetry();
            }
            else
            {
                context.Properties.Set(Attempted, true);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
