namespace OracleBot.Conversations;

/// <summary>An accepted activity taken over from the inbox, with how many times processing has been attempted.</summary>
public sealed record PendingActivity(ActivityKey Key, ReadOnlyMemory<byte> ActivityJson, int Attempts);
