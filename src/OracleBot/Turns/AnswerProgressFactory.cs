using Microsoft.Extensions.Options;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Streams progress in personal chats (where Teams supports it); shows typing elsewhere.</summary>
internal sealed class AnswerProgressFactory(ReplySender replies, TimeProvider time, IOptions<TurnOptions> options, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("OracleBot.Turns.AnswerProgress");

    public IAnswerProgress For(Activity inbound) =>
        options.Value.Streaming && ConversationScope.IsPersonal(inbound)
            ? new TeamsStream(inbound, replies, time, _logger)
            : new TypingProgress(inbound, replies, _logger);
}
