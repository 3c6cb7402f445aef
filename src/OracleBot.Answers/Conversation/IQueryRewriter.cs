using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Conversation;

/// <summary>Turns a question asked within a thread into a standalone retrieval query.</summary>
public interface IQueryRewriter
{
    ValueTask<RetrievalQuery> RewriteAsync(AnswerRequest request, CancellationToken cancellationToken);
}
