using Microsoft.Extensions.Diagnostics.HealthChecks;
using OracleBot.Conversations;

namespace OracleBot.Hosting;

/// <summary>
/// Ready only while the conversation store answers: without it no activity can be accepted (each gets a 503),
/// so a load balancer should send traffic elsewhere. One probe a second at most, however often readiness is
/// asked, so probes from every load balancer and replica cost Redis next to nothing.
/// </summary>
internal sealed partial class ConversationStoreHealthCheck(IConversationStore store, TimeProvider time, ILogger<ConversationStoreHealthCheck> logger)
    : IHealthCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    // A store round trip takes a millisecond; one that takes this long cannot carry turns either.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _probe;
    private long _probedAt;
    private bool _answered = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> probe;
        lock (_gate)
        {
            if (_probe is null || (_probe.IsCompleted && time.GetElapsedTime(_probedAt) >= CacheFor))
            {
                _probedAt = time.GetTimestamp();
                _probe = ProbeAsync();
            }

            probe = _probe;
        }

        return probe.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        try
        {
            await store.PingAsync(CancellationToken.None).AsTask().WaitAsync(ProbeTimeout, time);
            if (!_answered)
            {
                _answered = true;
                LogAnswersAgain();
            }

            return HealthCheckResult.Healthy("The conversation store answers.");
        }
        catch (Exception ex)
        {
            // Logged when it changes, not at every probe. The exception's message may name the Redis endpoint;
            // readiness says only what kind of failure it was.
            if (_answered)
            {
                _answered = false;
                LogUnavailable(ex.GetType().Name);
            }

            return HealthCheckResult.Unhealthy($"The conversation store does not answer ({ex.GetType().Name}).");
        }
    }

    [LoggerMessage(EventId = 6501, Level = LogLevel.Warning, Message = "Not ready: the conversation store does not answer ({ErrorType})")]
    private partial void LogUnavailable(string errorType);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Information, Message = "Ready again: the conversation store answers")]
    private partial void LogAnswersAgain();
}
