using System.Text.Json.Nodes;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Removes the bot's own @mention from message text, wherever in the text it stands.</summary>
internal static class MentionText
{
    public static string WithoutBotMention(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (activity.Entities is null || text.Length == 0)
        {
            return text.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(JsonValues.AsString(entity["type"]), "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Identity comes from the entity's ids, never from the visible text.
            var mentioned = entity["mentioned"] as JsonObject;
            if (botId is null || !string.Equals(JsonValues.AsString(mentioned?["id"]), botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mentionText = JsonValues.AsString(entity["text"]);
            if (string.IsNullOrEmpty(mentionText) && JsonValues.AsString(mentioned?["name"]) is { Length: > 0 } name)
            {
                mentionText = $"<at>{name}</at>";
            }

            if (!string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
