namespace OracleBot.Answers.Contract;

/// <summary>
/// One event of a streamed answer: partial text as the writer produces it (<see cref="Text"/>, cumulative),
/// then exactly one final <see cref="Answer"/>, which alone is grounded and safe to show as the answer.
/// </summary>
public sealed record AnswerUpdate(string? Text, Answer? Answer)
{
    public static AnswerUpdate Partial(string text) => new(text, null);

    public static AnswerUpdate Final(Answer answer) => new(null, answer);

    public bool IsFinal => Answer is not null;
}

/// <summary>An answer service that can also stream partial text before the final, grounded answer.</summary>
public interface IStreamingAnswerService : IAnswerService
{
    IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, CancellationToken cancellationToken);
}
