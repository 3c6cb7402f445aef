namespace OracleBot.Answers.Contract;

/// <summary>
/// The largest <see cref="AnswerRequest"/> every answer service accepts. The bot asks for a shorter question
/// (and keeps fewer turns of context) rather than send more, and the HTTP answer API refuses more with 400:
/// one limit, so that raising it in one place cannot turn the other's answer into an error card.
/// </summary>
public static class AnswerRequestLimits
{
    /// <summary>Longest question, in characters.</summary>
    public const int MaxQuestionLength = 2_000;

    /// <summary>Most earlier turns of a thread sent as context.</summary>
    public const int MaxContextTurns = 20;
}
