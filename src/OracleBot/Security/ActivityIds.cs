using OracleBot.Protocol.Schema;

namespace OracleBot.Security;

/// <summary>
/// Ids the bot later puts into connector URLs and store keys must look like ids: bounded length, no control
/// characters. Anything else is refused at the door rather than failing at the connector after work was done.
/// </summary>
internal static class ActivityIds
{
    public const int MaxLength = 1024;

    /// <summary>The JSON path of the first unusable id, or null when all are fine.</summary>
    public static string? FirstInvalid(Activity activity) =>
        Invalid(activity.Id) ? "id"
        : Invalid(activity.ReplyToId) ? "replyToId"
        : Invalid(activity.Conversation?.Id) ? "conversation.id"
        : Invalid(activity.From?.Id) ? "from.id"
        : Invalid(activity.Recipient?.Id) ? "recipient.id"
        : null;

    private static bool Invalid(string? id)
    {
        if (id is null)
        {
            return false;
        }

        if (id.Length > MaxLength)
        {
            return true;
        }

        foreach (var c in id)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
