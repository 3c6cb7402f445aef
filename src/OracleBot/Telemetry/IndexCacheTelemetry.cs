using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Telemetry;

/// <summary>
/// Records whether start-up reused the index built for the current seeds (a hit: the image's prebuilt
/// index, or an earlier start's) or had to build it (a miss), and reports the state of its passage vectors.
/// </summary>
internal sealed class IndexCacheTelemetry(IServiceProvider services, IOptions<AnswersOptions> answers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A bot using a remote answer service never opens a local index.
        if (answers.Value.Mode == AnswerMode.Remote)
        {
            return;
        }

        var index = services.GetRequiredService<KnowledgeIndex>();
        BotTelemetry.ObserveVectors(() => index.Vectors);
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
