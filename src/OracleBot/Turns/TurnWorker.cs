using Microsoft.Extensions.Options;
using OracleBot.Conversations;
using OracleBot.Protocol.Connector;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>
/// Answers queued turns in the background, independent of the inbound request, so a slow answer never
/// holds the channel's HTTP call open past Teams' redelivery timeout. A turn is marked done (and its thread
/// state saved) only after it was handled; one interrupted by shutdown stays in the inbox for the next start.
/// While the conversation store is unreachable a turn waits for it rather than failing, and a turn that was
/// answered waits until the store has recorded that: otherwise the inbox would hand it out to be answered again.
/// A turn that fails otherwise (its reply undeliverable within the connector's delivery window) is not retried
/// here, which could post twice: it is kept with its activity for an operator to replay.
/// </summary>
internal sealed partial class TurnWorker(
    TurnDispatcher dispatcher,
    TurnHandler handler,
    IConversationStore store,
    InFlightTurns inFlight,
    IOptions<TurnOptions> options,
    TimeProvider time,
    ILogger<TurnWorker> logger) : BackgroundService
{
    // Retries while the store is down cost one call that fails at once; doubling to two seconds picks the store
    // up soon after it is back without spinning.
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, options.Value.Concurrency).Select(_ => RunLoopAsync(stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        var reader = dispatcher.Queue;
        try
        {
            // ReadAsync, not WaitToReadAsync: a queued turn wakes the one idle loop it is handed to. WaitToReadAsync
            // wakes every idle loop for each turn (hundreds of them) to race for it, and under load that herd of
            // wake-ups and their allocations cost more than the turn itself.
            while (true)
            {
                var turn = reader.TryRead(out var ready) ? ready : await reader.ReadAsync(stoppingToken);
                await HandleSafelyAsync(turn, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task HandleSafelyAsync(QueuedTurn turn, CancellationToken stoppingToken)
    {
        try
        {
            for (var delay = FirstRetryDelay; ; delay = Next(delay))
            {
                ThreadTurn? answered = null;
                FailedTurn? failed = null;
                try
                {
                    answered = await handler.HandleAsync(turn.Activity, stoppingToken);
                }
                catch (ConversationStoreUnavailableException)
                {
                    // A turn reads the store before it sends anything, so nothing went out: try it again once the
                    // store is back, as long as no other instance can have taken the activity over meanwhile.
                    if (delay == FirstRetryDelay)
                    {
                        LogTurnWaitsForStore(turn.Activity.Type);
                    }

                    await Task.Delay(delay, time, stoppingToken);
                    if (inFlight.HoldsLease(turn.Key))
                    {
                        continue;
                    }

                    // The inbox recovery hands it to exactly one instance once its lease has run out.
                    LogTurnLeftToRecovery();
                    return;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    // A failure is not a crash: the turn is done (retrying could post twice) and kept for replay.
                    // Content stays out of logs and out of the reason; the activity itself is kept for the replay.
                    failed = new FailedTurn(turn.Key, ActivityJson.SerializeToUtf8Bytes(turn.Activity), time.GetUtcNow(),
                        ConnectorFailure.Describe(ex), ConnectorFailure.MayHaveBeenDelivered(ex));
                    // The type only: a connector's error message can quote the activity it refused.
                    LogTurnFailed(turn.Activity.Type, failed.Reason, failed.MayHaveBeenDelivered);
                }

                await FinishAsync(turn.Key, answered, failed, stoppingToken);
                return;
            }
        }
        finally
        {
            inFlight.Remove(turn.Key);
        }
    }

    /// <summary>Marks the turn done, or failed when <paramref name="failed"/> is given, waiting for the store if need be.</summary>
    private async Task FinishAsync(ActivityKey key, ThreadTurn? answered, FailedTurn? failed, CancellationToken stoppingToken)
    {
        for (var delay = FirstRetryDelay; ; delay = Next(delay))
        {
            try
            {
                // Repeating a call whose reply was lost is harmless: the store appends the turn, or records the failure, once.
                if (failed is null)
                {
                    await store.CompleteAsync(key, answered, CancellationToken.None);
                }
                else
                {
                    await store.FailAsync(failed, CancellationToken.None);
                }

                return;
            }
            catch (ConversationStoreUnavailableException)
            {
                if (delay == FirstRetryDelay)
                {
                    LogCompleteWaitsForStore();
                }
            }
            catch (Exception ex)
            {
                LogCompleteFailed(ex.GetType().Name);
                return;
            }

            await Task.Delay(delay, time, stoppingToken);
        }
    }

    private static TimeSpan Next(TimeSpan delay) => delay * 2 < LastRetryDelay ? delay * 2 : LastRetryDelay;

    [LoggerMessage(EventId = 5022, Level = LogLevel.Error, Message = "A {Type} turn failed ({Reason}) and is kept for replay (may have been delivered: {MayHaveBeenDelivered})")]
    private partial void LogTurnFailed(string? type, string reason, bool mayHaveBeenDelivered);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Warning, Message = "The conversation store is unavailable; a {Type} turn waits for it")]
    private partial void LogTurnWaitsForStore(string? type);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Warning,
        Message = "The conversation store stayed unavailable past this instance's hold on a turn; the inbox recovery will answer it")]
    private partial void LogTurnLeftToRecovery();

    [LoggerMessage(EventId = 5025, Level = LogLevel.Warning, Message = "The conversation store is unavailable; an answered turn waits to be marked done")]
    private partial void LogCompleteWaitsForStore();

    [LoggerMessage(EventId = 5026, Level = LogLevel.Error, Message = "Could not mark a turn done or failed ({ErrorType}); it may be answered again after its lease")]
    private partial void LogCompleteFailed(string errorType);
}
