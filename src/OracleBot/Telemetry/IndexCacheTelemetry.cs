using OracleBot.Answers.Retrieval;

namespace OracleBot.Telemetry;

/// <summary>
/// Records whether start-up reused the index built for the current seeds (a hit: the image's prebuilt
/// index, or an earlier start's) or had to build it (a miss).
/// </summary>
internal sealed class IndexCacheTelemetry(KnowledgeIndex index) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.EnsureReadyAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception)
        {
            // The index reports its own failure through /readyz and its log; nothing to count here.
            return;
        }

        if (index.Report is { } report)
        {
            BotTelemetry.RecordCacheLookup("index", hit: !report.Built);
        }
    }
}
