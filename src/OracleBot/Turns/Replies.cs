using System.Text.Json.Nodes;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Builds the bot's outgoing activities as replies in the inbound activity's conversation.</summary>
internal static class Replies
{
    public static Activity Card(Activity inbound, JsonObject card, JsonObject? aiEntity = null)
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

    private static Activity Message(Activity inbound) => new()
    {
        Type = ActivityTypes.Message,
        From = inbound.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null,
        Recipient = inbound.From is { } user ? new ChannelAccount { Id = user.Id, Name = user.Name } : null,
        Conversation = new ConversationAccount { Id = inbound.Conversation?.Id },
        ReplyToId = inbound.Id,
    };
}
