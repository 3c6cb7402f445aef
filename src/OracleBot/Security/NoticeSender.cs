using System.Text.Json.Nodes;
using System.Threading.Channels;
using OracleBot.Protocol.Schema;
using OracleBot.Turns;

namespace OracleBot.Security;

/// <summary>
/// Sends the cards of activities turned away at the door (slow down, not your organisation) in the
/// background, so the refusal is acknowledged at once. The queue is small and drops when full: a refused
/// flood must not become an outbound flood.
/// </summary>
internal sealed partial class NoticeSender(ReplySender replies, ILogger<NoticeSender> logger) : BackgroundService
{
    private readonly Channel<(Activity Inbound, JsonObject Card)> _queue =
        Channel.CreateBounded<(Activity, JsonObject)>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(Activity inbound, JsonObject card)
    {
        if (!_queue.Writer.TryWrite((inbound, card)))
        {
            LogDropped();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (inbound, card) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await replies.SendAsync(inbound, Replies.Card(inbound, card), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSendFailed(ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Notice queue full; a refusal card was not sent")]
    private partial void LogDropped();

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Sending a refusal card failed ({ErrorType})")]
    private partial void LogSendFailed(string errorType);
}
