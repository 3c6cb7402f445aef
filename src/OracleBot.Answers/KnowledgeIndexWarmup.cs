using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers;

/// <summary>
/// Starts opening (or building) the index when the host starts, without holding up start-up: the host
/// listens at once and reports not-ready until <see cref="KnowledgeIndex.IsReady"/> turns true.
/// </summary>
internal sealed partial class KnowledgeIndexWarmup(KnowledgeIndex index, IOptions<AnswersOptions> options, ILogger<KnowledgeIndexWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A remote deployment answers from another service and never needs the local index.
        if (options.Value.Mode == AnswerMode.Embedded)
        {
            _ = WarmUpAsync();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmUpAsync()
    {
        try
        {
            await index.EnsureReadyAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "The knowledge index could not be opened; answers are unavailable")]
    private partial void LogFailed(Exception exception);
}
