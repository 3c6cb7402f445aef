namespace OracleBot.Conversations;

/// <summary>A clinician's rating of one answer.</summary>
/// <param name="Reaction"><c>like</c> or <c>dislike</c>.</param>
/// <param name="Comment">Free text from the feedback form, if any.</param>
/// <param name="Question">The question answered; only kept when <c>Privacy:StoreQuestions</c> is on.</param>
public sealed record FeedbackRecord(
    DateTimeOffset At,
    string AnswerId,
    string Reaction,
    string? Comment,
    string? Question);
