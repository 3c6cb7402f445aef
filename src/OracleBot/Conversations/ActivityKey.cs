namespace OracleBot.Conversations;

/// <summary>Identifies one delivered activity: <c>(conversation.id, activity.id)</c>.</summary>
public readonly record struct ActivityKey(string ConversationId, string ActivityId)
{
    // Teams ids contain ':', ';', '@' and '|', never control characters.
    private const char Separator = '\u001f';

    /// <summary>One string for stores that key by string; <see cref="Parse"/> reverses it.</summary>
    public string Encode() => string.Concat(ConversationId, Separator.ToString(), ActivityId);

    public static ActivityKey Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var at = encoded.LastIndexOf(Separator);
        return at < 0 ? throw new FormatException("Not an encoded activity key.") : new ActivityKey(encoded[..at], encoded[(at + 1)..]);
    }
}
