namespace OracleBot.Conversations;

/// <summary>One answered question of a thread, as much as a follow-up needs for context.</summary>
/// <param name="MessageId">The id of the bot's answer message, which Teams' feedback refers to; null if unknown.</param>
public sealed record ThreadTurn(
    string Question,
    string BottomLine,
    IReadOnlyList<string> CitedDocumentIds,
    string AnswerId,
    DateTimeOffset At,
    string? MessageId = null);
