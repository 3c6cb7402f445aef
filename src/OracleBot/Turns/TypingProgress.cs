using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Group chats and channels: a typing indicator, then the reply.</summary>
internal sealed partial class TypingProgress(Activity inbound, ReplySender replies, ILogger logger) : IAnswerProgress
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await replies.SendTypingAsync(inbound, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTypingFailed(logger, ex.GetType().Name);
        }
    }

    public async Task<string?> DeliverAsync(Activity reply, CancellationToken cancellationToken) =>
        (await replies.SendAsync(inbound, reply, cancellationToken)).Id;

    [LoggerMessage(EventId = 5027, Level = LogLevel.Warning, Message = "Could not send the typing indicator ({ErrorType})")]
    private static partial void LogTypingFailed(ILogger logger, string errorType);
}
