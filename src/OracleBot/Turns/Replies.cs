using System.Text.Json.Nodes;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Builds the bot's outgoing activities as replies in the inbound activity's conversation.</summary>
internal static class Replies
{
    /// <summary>A card reply; <paramref name="card"/> and <paramref name="aiEntity"/> may be trees or JSON written already (<see cref="RawJson"/>).</summary>
    public static Activity Card(Activity inbound, JsonNode card, JsonNode? aiEntity = null)
    {
        var reply = Message(inbound);
        reply.Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }];
        if (aiEntity is not null)
        {
            reply.Entities = [aiEntity];

            // Shows Teams' native like/dislike buttons under an AI answer.
            reply.ChannelData = new JsonObject { ["feedbackLoopEnabled"] = true };
        }

        return reply;
    }

    public static Activity Text(Activity inbound, string text)
    {
        var reply = Message(inbound);
        reply.Text = text;
        reply.TextFormat = "plain";
        return reply;
    }

    /// <summary>A typing activity carrying text: the start of a Teams stream.</summary>
    public static Activity Typing(Activity inbound, string text)
    {
        var typing = Message(inbound);
        typing.Type = ActivityTypes.Typing;
        typing.Text = text;
        return typing;
    }

    /// <summary>A shallow copy, so a variant (a stream's final, a replacement) leaves the original untouched.</summary>
    public static Activity Clone(Activity reply) => new()
    {
        Type = reply.Type,
        From = reply.From,
        Recipient = reply.Recipient,
        Conversation = reply.Conversation,
        ReplyToId = reply.ReplyToId,
        Text = reply.Text,
        TextFormat = reply.TextFormat,
        Attachments = reply.Attachments,
        Entities = reply.Entities,
        ChannelData = reply.ChannelData,
    };

    private static Activity Message(Activity inbound) => new()
    {
        Type = ActivityTypes.Message,
        From = inbound.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null,
        Recipient = inbound.From is { } user ? new ChannelAccount { Id = user.Id, Name = user.Name } : null,
        Conversation = new ConversationAccount { Id = inbound.Conversation?.Id },
        ReplyToId = inbound.Id,
    };
}
