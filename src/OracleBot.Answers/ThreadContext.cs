using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers;

/// <summary>
/// Decides what earlier turns add to retrieval. For now: a short question ("and in children?") borrows
/// the previous question's words at a lower weight. Richer thread handling replaces this seam.
/// </summary>
internal static class ThreadContext
{
    public static RetrievalQuery QueryFor(AnswerRequest request, int shortQuestionWords)
    {
        var question = request.Question ?? string.Empty;
        if (request.Context.Count == 0 || Knowledge.Passage.CountWords(question) > shortQuestionWords)
        {
            return new RetrievalQuery(question);
        }

        return new RetrievalQuery(question, request.Context[^1].Question);
    }
}
