using Microsoft.Extensions.Options;
using OracleBot.Conversations;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>
/// Keeps this instance's inbox leases alive and takes over accepted activities whose lease ran out: those of
/// an instance that died (or of this process before a restart). Each is answered again, up to
/// <see cref="ConversationOptions.MaxAttempts"/> attempts, so an activity that crashes the bot cannot loop forever;
/// one given up is kept for replay like any failed turn.
/// </summary>
internal sealed partial class InboxRecovery(
    IConversationStore store,
    TurnDispatcher dispatcher,
    InFlightTurns inFlight,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<InboxRecovery> logger) : BackgroundService
{
    private const int BatchSize = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.InboxLease / 3, time);
        do
        {
            try
            {
                var held = inFlight.Snapshot();
                var renewedAt = inFlight.Now();
                await store.RenewLeasesAsync(held, stoppingToken);
                inFlight.Renewed(held, renewedAt);
                await RecoverAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRecoveryFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var takenAt = inFlight.Now();
            var expired = await store.TakeExpiredAsync(BatchSize, stoppingToken);
            foreach (var pending in expired)
            {
                var exhausted = pending.Attempts > options.Value.MaxAttempts;
                var activity = exhausted ? null : ActivityJson.Deserialize(pending.ActivityJson.Span);
                if (activity is null)
                {
                    // An attempt may have died after sending the reply, so a replay of everything leaves it alone.
                    LogGaveUp(pending.Attempts);
                    var reason = exhausted ? $"abandoned after {pending.Attempts - 1} attempts" : "unreadable activity";
                    await store.FailAsync(
                        new FailedTurn(pending.Key, pending.ActivityJson, time.GetUtcNow(), reason, MayHaveBeenDelivered: exhausted), stoppingToken);
                    continue;
                }

                LogRecovered(pending.Attempts);
                await dispatcher.EnqueueRecoveredAsync(new QueuedTurn(pending.Key, activity), takenAt, stoppingToken);
            }

            if (expired.Count < BatchSize)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Took over an accepted but unanswered activity (attempt {Attempt})")]
    private partial void LogRecovered(int attempt);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Gave up an accepted activity at attempt {Attempts}; it is kept for replay")]
    private partial void LogGaveUp(int attempts);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Inbox lease renewal or recovery failed ({ErrorType}); retrying")]
    private partial void LogRecoveryFailed(string errorType);
}
