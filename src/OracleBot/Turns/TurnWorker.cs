using Microsoft.Extensions.Options;
using OracleBot.Conversations;

namespace OracleBot.Turns;

/// <summary>
/// Answers queued turns in the background, independent of the inbound request, so a slow answer never
/// holds the channel's HTTP call open past Teams' redelivery timeout. A turn is marked done (and its thread
/// state saved) only after it was handled; one interrupted by shutdown stays in the inbox for the next start.
/// </summary>
internal sealed partial class TurnWorker(
    TurnDispatcher dispatcher,
    TurnHandler handler,
    IConversationStore store,
    InFlightTurns inFlight,
    IOptions<TurnOptions> options,
    ILogger<TurnWorker> logger) : BackgroundService
{
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
        ThreadTurn? answered = null;
        try
        {
            answered = await handler.HandleAsync(turn.Activity, stoppingToken);
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

        try
        {
            await store.CompleteAsync(turn.Key, answered, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogCompleteFailed(ex.GetType().Name);
        }
        finally
        {
            inFlight.Remove(turn.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Type} turn failed")]
    private partial void LogTurnFailed(Exception exception, string? type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mark a turn done ({ErrorType}); it may be answered again after its lease")]
    private partial void LogCompleteFailed(string errorType);
}
