using OracleBot.Protocol.Connector;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Sends into the thread of the activity being answered, paced to the conversation's limits.</summary>
internal sealed class ReplySender(IConnectorClient connector, OutboundPacer pacer)
{
    public async Task<ResourceResponse> SendAsync(Activity inbound, Activity reply, CancellationToken cancellationToken)
    {
        var serviceUrl = inbound.ServiceUrl!;
        var conversationId = inbound.Conversation!.Id!;
        await pacer.WaitAsync(conversationId, cancellationToken);

        // Replying to the activity keeps the answer in the same channel thread; a reply to nothing
        // (a welcome) goes to the conversation itself.
        return reply.ReplyToId is { Length: > 0 } activityId
            ? await connector.ReplyToActivityAsync(serviceUrl, conversationId, activityId, reply, cancellationToken)
            : await connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken);
    }

    public async Task<ResourceResponse> UpdateAsync(Activity inbound, string activityId, Activity replacement, CancellationToken cancellationToken)
    {
        var conversationId = inbound.Conversation!.Id!;
        await pacer.WaitAsync(conversationId, cancellationToken);
        return await connector.UpdateActivityAsync(inbound.ServiceUrl!, conversationId, activityId, replacement, cancellationToken);
    }

    public async Task SendTypingAsync(Activity inbound, CancellationToken cancellationToken)
    {
        var conversationId = inbound.Conversation!.Id!;
        await pacer.WaitAsync(conversationId, cancellationToken);
        await connector.SendTypingAsync(inbound.ServiceUrl!, conversationId, cancellationToken);
    }
}
