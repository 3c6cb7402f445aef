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

    /// <summary>
    /// The words of an earlier question's topic that are carried along with its rare ones: "cell" and "cancer"
    /// of "small cell lung cancer" are common, but without them the topic is "small lung". Only words in
    /// nearly every passage fall below this.
    /// </summary>
    internal const float TopicWordIdf = 0.5f;

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

    private readonly HashSet<string> _askingStems = [.. FacetStems, .. MedicalTextAnalyzer.Terms(index.Analyzer, FacetVocabulary.FacetWords)];

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
            // The earlier question's topic is carried whole when it names a rare word at all.
            var turnWords = JoinLetterNames(Words(turn.Question).ToList());
            var turnNamesTopic = turnWords.Exists(w => MedicalTextAnalyzer.Terms(analyzer, w).Exists(IsCarried));
            foreach (var word in turnWords)
            {
                // A follow-up that asks nothing of its own ("and in children?") keeps what was asked
                // ("treated"); one that asks something else ("what about side effects?") replaces it.
                var terms = MedicalTextAnalyzer.Terms(analyzer, word);
                var keep = terms.Exists(t => IsCarried(t) || (turnNamesTopic && IsTopicWord(t)))
                    || (!asksFacet && FacetVocabulary.OfQuestion(word) != Facet.None);
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

    private bool IsCarried(string term) => !_askingStems.Contains(term) && index.Impacts.Contains(term) && index.Impacts.TextIdf(term) >= CarriedIdf;

    private bool IsTopicWord(string term) => !_askingStems.Contains(term) && index.Impacts.Contains(term) && index.Impacts.TextIdf(term) >= TopicWordIdf;

    // "Hepatitis A" is carried as one, since the letter alone is a stop word.
    private static List<string> JoinLetterNames(List<string> words)
    {
        for (var i = words.Count - 2; i >= 0; i--)
        {
            if (words[i + 1].Length == 1 && ClinicalVocabulary.LetterNamed.Contains(words[i].ToLowerInvariant()))
            {
                words[i] += " " + words[i + 1];
                words.RemoveAt(i + 1);
            }
        }

        return words;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', ';', ':', '?', '!', '.', '(', ')', '"', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
