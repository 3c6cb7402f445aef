namespace OracleBot.Answers.Contract;

/// <summary>
/// Retrieves evidence for a question and writes a grounded, cited answer.
/// Implemented in-process by the embedded engine or over HTTP by a remote answer service.
/// </summary>
public interface IAnswerService
{
    Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken);
}
