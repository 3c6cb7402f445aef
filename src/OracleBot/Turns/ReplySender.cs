using OracleBot.Protocol.Connector;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Sends a reply into the thread of the activity it answers.</summary>
internal sealed class ReplySender(IConnectorClient connector)
{
    public Task<ResourceResponse> SendAsync(Activity inbound, Activity reply, CancellationToken cancellationToken)
    {
        var serviceUrl = inbound.ServiceUrl!;
        var conversationId = inbound.Conversation!.Id!;

        // Replying to the activity keeps the answer in the same channel thread; a reply to nothing
        // (a welcome) goes to the conversation itself.
        return reply.ReplyToId is { Length: > 0 } activityId
            ? connector.ReplyToActivityAsync(serviceUrl, conversationId, activityId, reply, cancellationToken)
            : connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken);
    }

    public Task SendTypingAsync(Activity inbound, CancellationToken cancellationToken) =>
        connector.SendTypingAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, cancellationToken);
}
