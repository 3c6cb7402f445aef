using System.Text.Json.Nodes;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Where a message was written: a personal chat with the bot, or a group chat or channel shared with others.</summary>
internal static class ConversationScope
{
    public static bool IsPersonal(Activity activity)
    {
        var conversation = activity.Conversation;
        return conversation?.ConversationType is { } type
            ? string.Equals(type, ConversationTypes.Personal, StringComparison.OrdinalIgnoreCase)
            : conversation?.IsGroup != true;
    }

    /// <summary>
    /// In group chats and channels the bot answers only when @mentioned; a card button press (a message with a
    /// value) is addressed to it by construction. Personal chats are always addressed to the bot.
    /// </summary>
    public static bool IsAddressedToBot(Activity activity) =>
        IsPersonal(activity) || activity.Value is JsonObject || MentionsBot(activity);

    public static bool MentionsBot(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.Entities is null)
        {
            return false;
        }

        foreach (var entity in activity.Entities)
        {
            if (string.Equals(JsonValues.AsString(entity["type"]), "mention", StringComparison.OrdinalIgnoreCase)
                && string.Equals(JsonValues.AsString((entity["mentioned"] as JsonObject)?["id"]), botId, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Preferences belong to the person: their Entra object id when Teams sends it, else their channel id.</summary>
    public static string UserKey(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? "aad:" + aad : "id:" + activity.From?.Id;
}
