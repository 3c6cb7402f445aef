using Microsoft.Extensions.Options;
using OracleBot.Conversations;

namespace OracleBot.Turns;

/// <summary>
/// Answers queued turns in the background, independent of the inbound request, so a slow answer never
/// holds the channel's HTTP call open past Teams' redelivery timeout. A turn is marked done (and its thread
/// state saved) only after it was handled; one interrupted by shutdown stays in the inbox for the next start.
/// While the conversation store is unreachable a turn waits for it rather than failing, and a turn that was
/// answered waits until the store has recorded that: otherwise the inbox would hand it out to be answered again.
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
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (reader.TryRead(out var turn))
                {
                    await HandleSafelyAsync(turn, stoppingToken);
                }
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
                    // A failure is not a crash: the turn is done (retrying could post twice). Content stays out of logs.
                    LogTurnFailed(ex, turn.Activity.Type);
                }

                await CompleteAsync(turn.Key, answered, stoppingToken);
                return;
            }
        }
        finally
        {
            inFlight.Remove(turn.Key);
        }
    }

    private async Task CompleteAsync(ActivityKey key, ThreadTurn? answered, CancellationToken stoppingToken)
    {
        for (var delay = FirstRetryDelay; ; delay = Next(delay))
        {
            try
            {
                // Repeating a completion whose reply was lost is harmless: the store appends the turn once.
                await store.CompleteAsync(key, answered, CancellationToken.None);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Type} turn failed")]
    private partial void LogTurnFailed(Exception exception, string? type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation store is unavailable; a {Type} turn waits for it")]
    private partial void LogTurnWaitsForStore(string? type);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The conversation store stayed unavailable past this instance's hold on a turn; the inbox recovery will answer it")]
    private partial void LogTurnLeftToRecovery();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation store is unavailable; an answered turn waits to be marked done")]
    private partial void LogCompleteWaitsForStore();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mark a turn done ({ErrorType}); it may be answered again after its lease")]
    private partial void LogCompleteFailed(string errorType);
}
