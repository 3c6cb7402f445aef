using Lucene.Net.Analysis;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Conversation;

/// <summary>
/// Rewrites follow-ups without a model: when the question leans on the thread ("and what about
/// everolimus?", "is that true for children?") or is short and names no topic of its own ("and the
/// treatments?"), the topic words of the most recent earlier questions are carried over at a lower weight.
/// Topic words are the rare ones (high idf): disease and drug names rather than "symptoms" or "treated",
/// so "and the treatments?" after a question on symptoms asks about treatments, not symptoms again. A
/// question that names its own topic and does not point back starts afresh, carrying nothing.
/// </summary>
public sealed class CarryOverQueryRewriter(KnowledgeIndex index, int shortQuestionWords = 8) : IQueryRewriter
{
    /// <summary>
    /// Rarer than this is a topic word. Facet words ("symptom" ≈ 3.5, "treat" ≈ 2.5, "children" ≈ 3.4 on the
    /// seed set) fall below it; disease and drug names ("gout" ≈ 6.5, "everolimus" ≈ 8) lie well above.
    /// </summary>
    internal const float TopicIdf = 4.5f;

    private const int TurnsConsidered = 2;
    private const int MaxCarriedWords = 8;
    private const float CarriedWeight = 0.6f;

    public ValueTask<RetrievalQuery> RewriteAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Rewrite(request));
    }

    public RetrievalQuery Rewrite(AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Question ?? string.Empty;
        if (request.Context.Count == 0)
        {
            return new RetrievalQuery(question);
        }

        var analyzer = index.Analyzer;
        var own = MedicalTextAnalyzer.Terms(analyzer, question);
        var namesTopic = own.Exists(IsTopic);
        var short_ = Knowledge.Passage.CountWords(question) <= shortQuestionWords;
        if (!FollowUpDetector.LeansOnThread(question) && (namesTopic || !short_))
        {
            return new RetrievalQuery(question);
        }

        var carried = new List<string>();
        var seen = new HashSet<string>(own, StringComparer.Ordinal);
        foreach (var turn in request.Context.Reverse().Take(TurnsConsidered))
        {
            foreach (var word in Words(turn.Question))
            {
                var terms = MedicalTextAnalyzer.Terms(analyzer, word);
                if (carried.Count < MaxCarriedWords && terms.Exists(IsTopic) && terms.Exists(seen.Add))
                {
                    carried.Add(word);
                }
            }
        }

        return carried.Count == 0 ? new RetrievalQuery(question) : new RetrievalQuery(question, string.Join(' ', carried), CarriedWeight);
    }

    private bool IsTopic(string term) => index.Impacts.TextIdf(term) >= TopicIdf && index.Impacts.Contains(term);

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', ';', ':', '?', '!', '.', '(', ')', '"', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
