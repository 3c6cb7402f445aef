using Microsoft.Extensions.Options;

namespace OracleBot.Conversations;

/// <summary>Deletes conversation state and feedback older than the retention period, at start and then periodically.</summary>
internal sealed partial class RetentionPurge(
    IConversationStore store,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<RetentionPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
                var purged = await store.PurgeAsync(cutoff, stoppingToken);
                LogPurged(purged, options.Value.RetentionDays);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed purge is retried at the next interval; the bot keeps answering.
                LogPurgeFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Retention purge removed {Count} records older than {Days} days")]
    private partial void LogPurged(int count, int days);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Retention purge failed ({ErrorType}); retrying at the next interval")]
    private partial void LogPurgeFailed(string errorType);
}
