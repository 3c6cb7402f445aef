using Microsoft.Extensions.Options;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>
/// Answers queued turns in the background, independent of the inbound request, so a slow answer never
/// holds the channel's HTTP call open past Teams' redelivery timeout.
/// </summary>
internal sealed partial class TurnWorker(
    TurnDispatcher dispatcher,
    TurnHandler handler,
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
                while (reader.TryRead(out var activity))
                {
                    await HandleSafelyAsync(activity, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task HandleSafelyAsync(Activity activity, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(activity, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The exception type and stack are enough to diagnose; activity content stays out of logs.
            LogTurnFailed(ex, activity.Type);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Type} turn failed")]
    private partial void LogTurnFailed(Exception exception, string? type);
}
