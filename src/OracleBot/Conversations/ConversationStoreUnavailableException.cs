namespace OracleBot.Conversations;

/// <summary>
/// The store could not be reached or cannot serve right now (Redis restarting, failing over, loading its data).
/// Transient by nature: the caller refuses or postpones the work and tries again, it never gives it up.
/// </summary>
public sealed class ConversationStoreUnavailableException : Exception
{
    public ConversationStoreUnavailableException()
    {
    }

    public ConversationStoreUnavailableException(string message)
        : base(message)
    {
    }

    public ConversationStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
