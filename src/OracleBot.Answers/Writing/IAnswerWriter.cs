using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Writing;

/// <summary>
/// Writes an answer from retrieved passages (a language model). The result must already be grounded;
/// null means "could not write one", and the extractive answer is used instead.
/// </summary>
public interface IAnswerWriter
{
    Task<Answer?> WriteAsync(AnswerRequest request, RetrievalResult retrieval, Answer extractive, Action<string>? partialText, CancellationToken cancellationToken);
}
