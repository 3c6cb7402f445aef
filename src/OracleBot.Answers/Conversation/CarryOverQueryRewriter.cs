using Lucene.Net.Analysis;
using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Conversation;

/// <summary>
/// Rewrites follow-ups without a model: when the question leans on the thread ("and what about
/// everolimus?", "is that true for children?") or names no topic of its own ("and the treatments?"), the
/// content words of the two most recent earlier questions are carried over — except facet words
/// ("symptoms", "treated"), so "and the treatments?" after a question on symptoms asks about treatments,
/// not symptoms again. A question names its own topic when it has a word that is not a facet word and is
/// rare enough (idf ≥ <see cref="CarriedIdf"/>); such a question that does not point back starts afresh.
/// A follow-up changes one thing and keeps the rest: one that asks no facet of its own ("and in children?")
/// also keeps the earlier question's facet words, so it still asks about treatment, now in children.
/// </summary>
public sealed class CarryOverQueryRewriter(KnowledgeIndex index, int shortQuestionWords = 8) : IQueryRewriter
{
    /// <summary>
    /// Rarer than this (BM25 idf over passages), a word that is not a facet word names a topic: it is carried
    /// from earlier questions, and a question that has one asks about its own topic. Words in most passages
    /// ("patients", "disease") fall below it.
    /// </summary>
    internal const float CarriedIdf = 2.0f;

    private const int TurnsConsidered = 2;
    private const int MaxCarriedWords = 10;

    // When the follow-up names its own topic ("and what about everolimus?") the thread's topic weighs less
    // than the new word; when it names none ("and the treatments?") the thread's topic is the topic.
    private const float CarriedWeightBesideOwnTopic = 0.6f;
    private const float CarriedWeightAsTopic = 1.0f;

    // What a question asks about a topic, rather than the topic: never carried into the next question.
    private static readonly HashSet<string> FacetStems = new(StringComparer.Ordinal)
    {
        "symptom", "sign", "treat", "therapi", "therapy", "diagnos", "caus", "prognos", "outlook", "risk", "prevent",
        "test", "inherit", "genet", "common", "frequent", "mani", "peopl", "affect", "effect", "side", "stage",
        "complic", "cure", "manag", "option", "inform", "research", "studi", "trial", "us", "work", "help",
    };

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

        // "and in children?" names a population, not a topic of its own.
        var namesTopic = Words(question).Where(w => FacetVocabulary.PopulationOf(w) == Population.None)
            .Any(w => MedicalTextAnalyzer.Terms(analyzer, w).Exists(IsCarried));
        var asksFacet = FacetVocabulary.OfQuestion(question) != Facet.None;
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
                // A follow-up that asks nothing of its own ("and in children?") keeps what was asked
                // ("treated"); one that asks something else ("what about side effects?") replaces it.
                var terms = MedicalTextAnalyzer.Terms(analyzer, word);
                var keep = terms.Exists(IsCarried) || (!asksFacet && FacetVocabulary.OfQuestion(word) != Facet.None);
                if (carried.Count < MaxCarriedWords && keep && terms.Exists(seen.Add))
                {
                    carried.Add(word);
                }
            }
        }

        return carried.Count == 0
            ? new RetrievalQuery(question)
            : new RetrievalQuery(question, string.Join(' ', carried), namesTopic ? CarriedWeightBesideOwnTopic : CarriedWeightAsTopic);
    }

    private bool IsCarried(string term) => !FacetStems.Contains(term) && index.Impacts.Contains(term) && index.Impacts.TextIdf(term) >= CarriedIdf;

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', ';', ':', '?', '!', '.', '(', ')', '"', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
