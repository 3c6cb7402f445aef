using Lucene.Net.Analysis;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Writes an answer without a language model: every statement is a sentence quoted from a retrieved
/// passage and cites that passage. The question is understood first (topic, facet, population); only
/// passages about that topic and facet count (<see cref="RelevanceGate"/>). The bottom line is the sentence
/// that best answers the facet for the topic, taken from the most authoritative kind of source among those
/// that answer about as well (guideline, evidence summary, research, reference for clinicians; newer first);
/// sections follow in the reader's order. When nothing retrieved addresses the question, the answer says
/// the knowledge base does not cover it, with no statements rather than an unrelated quote.
/// </summary>
public sealed class ExtractiveComposer
{
    private const double AuthorityMargin = 0.12;

    // A guideline on a neighbouring topic (opioids for acute pain, asked about cancer pain) does not speak
    // before a summary on the topic asked: authority decides only among sentences naming the topic as fully.
    private const double AuthorityTopicMargin = 0.1;
    private const double RedundantJaccard = 0.6;
    private const double StrongTopic = 0.8;
    private const int StatementsPerDocument = 2;
    private const int DocumentsUsed = 6;
    private const int DocumentsChecked = 2;

    public const string NothingFoundNotice = "The knowledge base does not cover this question, so nothing from it is quoted as an answer.";
    public const string NoGuidelineNotice = "No guideline in the knowledge base addresses this question.";
    public const string WeakEvidenceNotice = "The evidence found matches the question only in part; check the cited sources before relying on it.";
    public const string UnsettledNotice = "The evidence found does not settle this question.";

    private readonly CandidateExtractor _extractor;
    private readonly QuestionUnderstanding _understanding;
    private readonly FollowUpSuggester _followUps;
    private readonly int _maxStatements;

    public ExtractiveComposer(Analyzer analyzer, KnowledgeStore store, int maxStatements)
        : this(analyzer, store, maxStatements, answerable: null)
    {
    }

    /// <param name="answerable">Whether the knowledge base answers a suggested follow-up; null offers none that cannot be checked.</param>
    public ExtractiveComposer(Analyzer analyzer, KnowledgeStore store, int maxStatements, Func<string, string?, bool>? answerable)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStatements, 1);
        var passageTerms = new PassageTerms(analyzer, store.Passages.Count);
        _extractor = new CandidateExtractor(passageTerms, store);
        _understanding = new QuestionUnderstanding(analyzer);
        _followUps = new FollowUpSuggester(store, answerable);
        _maxStatements = maxStatements;
    }

    public QuestionUnderstanding Understanding => _understanding;

    /// <summary>Which sections lead for a reader: plain-language reference pages first for patients and students.</summary>
    public static IReadOnlyList<DocumentKind> SectionOrderFor(Audience audience) => audience switch
    {
        Audience.Patient or Audience.Student => [DocumentKind.Reference, DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research],
        _ => [DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research, DocumentKind.Reference],
    };

    public Answer Compose(string answerId, string question, RetrievalResult retrieval, Audience audience = Audience.Physician, string? standalone = null)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        var intent = _understanding.Understand(question, standalone, retrieval.Terms);
        var documents = retrieval.Documents.Take(DocumentsUsed).ToList();
        var judged = _extractor.Judge(intent, documents);
        var relevant = judged.Where(p => p.Relevant).ToList();
        if (retrieval.Terms.Count == 0 || relevant.Count == 0)
        {
            return NotCovered(answerId, question);
        }

        var candidates = _extractor.Extract(intent, relevant, documents.Count);
        var order = SectionOrderFor(audience);
        var bottomLine = ChooseBottomLine(candidates, order);
        if (bottomLine is null)
        {
            return NotCovered(answerId, question);
        }

        var chosen = new List<SentenceCandidate> { bottomLine };
        foreach (var group in candidates.GroupBy(c => c.DocumentRank).OrderBy(g => g.Key))
        {
            var fromDocument = chosen.Count(c => c.DocumentRank == group.Key);
            foreach (var candidate in group.OrderByDescending(c => c.Score))
            {
                if (chosen.Count >= _maxStatements || fromDocument >= StatementsPerDocument)
                {
                    break;
                }

                if (!chosen.Exists(c => IsRedundant(c, candidate)))
                {
                    chosen.Add(candidate);
                    fromDocument++;
                }
            }
        }

        var citations = new CitationNumbering();
        var bottom = new Statement(bottomLine.Text, [citations.NumberFor(bottomLine.Passage, bottomLine.Text)]);
        var sections = new List<AnswerSection>();
        foreach (var kind in order)
        {
            var statements = chosen.Skip(1)
                .Where(c => c.Passage.Document.Kind == kind)
                .OrderBy(c => c.DocumentRank)
                .ThenByDescending(c => c.Score)
                .Select(c => new Statement(c.Text, [citations.NumberFor(c.Passage, c.Text)]))
                .ToList();
            if (statements.Count > 0)
            {
                sections.Add(new AnswerSection(kind, statements));
            }
        }

        var notices = new List<string>();
        if (intent.YesNo && FacetVocabulary.SaysEvidenceIsUnsettled(bottomLine.Text))
        {
            notices.Add(UnsettledNotice);
        }

        if (!relevant.Exists(r => r.Document.Document.Kind == DocumentKind.Guideline))
        {
            notices.Add(NoGuidelineNotice);
        }

        if (bottomLine.Topic < StrongTopic || !bottomLine.AnswersFacet)
        {
            notices.Add(WeakEvidenceNotice);
        }

        var followUps = _followUps.Suggest(question, intent, bottomLine.Passage.Document, retrieval);
        return new Answer(answerId, question, bottom, sections, citations.Citations, followUps, notices);
    }

    /// <summary>
    /// Whether the retrieved passages answer <paramref name="question"/>: some passage passes the relevance
    /// gate and has a sentence that speaks to the facet asked. Used to check follow-ups before offering them.
    /// </summary>
    public bool Answers(string question, RetrievalResult retrieval)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        if (retrieval.Terms.Count == 0)
        {
            return false;
        }

        var intent = _understanding.Understand(question, null, retrieval.Terms);
        var documents = retrieval.Documents.Take(DocumentsChecked).ToList();
        var relevant = _extractor.Judge(intent, documents).Where(p => p.Relevant).ToList();
        return relevant.Count > 0 && _extractor.Extract(intent, relevant, documents.Count).Exists(c => c.AnswersFacet);
    }

    /// <summary>How the composer read a question and judged the retrieved passages, for evaluation reports (one line each).</summary>
    public IReadOnlyList<string> Explain(string question, RetrievalResult retrieval, string? standalone = null)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        var intent = _understanding.Understand(question, standalone, retrieval.Terms);
        var documents = retrieval.Documents.Take(DocumentsUsed).ToList();
        var judged = _extractor.Judge(intent, documents);
        var lines = new List<string>
        {
            $"facets {intent.Facets}; population {intent.Population}; yes/no {intent.YesNo}; topic {string.Join(' ', intent.Topic.Select(t => $"{t.Text}:{TermCoverage.Weight(t):F1}"))}",
        };
        lines.AddRange(judged.Select(p => $"  {(p.Relevant ? "+" : "-")} {p.Passage.Id} topic {p.Topic:F2} cosine {p.Similarity:F2} facet {(p.AddressesFacet ? "yes" : "no")} [{SectionPath.Of(p.Passage)}]"));
        var relevant = judged.Where(p => p.Relevant).ToList();
        lines.AddRange(_extractor.Extract(intent, relevant, documents.Count).OrderByDescending(c => c.Score).Take(5)
            .Select(c => $"  * {c.Score:F2} (topic {c.Topic:F2}, own {c.Own:F2}, facet {c.AnswersFacet}) {c.Passage.Id}: {c.Text[..Math.Min(c.Text.Length, 120)]}"));
        return lines;
    }

    private static Answer NotCovered(string answerId, string question) => new(answerId, question, null, [], [], [], [NothingFoundNotice]);

    // The best-answering sentence sets the bar; among sentences close to it (that answer the facet), the most
    // authoritative kind speaks first, then the newer source. A weaker guideline sentence does not outrank
    // a study that answers the question. A study's methods ("We conducted a randomized study comparing …
    // treatment") name the facet's words as often as its findings do, but say what was studied, not what was
    // found: among close sentences of a kind, a finding goes first.
    private static SentenceCandidate? ChooseBottomLine(List<SentenceCandidate> candidates, IReadOnlyList<DocumentKind> order)
    {
        var answering = candidates.Where(c => c.AnswersFacet).ToList();
        if (answering.Count == 0)
        {
            return null;
        }

        var best = answering.MaxBy(c => c.Score)!;
        return answering
            .Where(c => c.Score >= best.Score - AuthorityMargin && c.Topic >= best.Topic - AuthorityTopicMargin)
            .OrderBy(c => Rank(order, c.Passage.Document.Kind))
            .ThenBy(c => Signposts.DescribesMethods(c.Text))
            .ThenByDescending(c => c.Score)
            .ThenByDescending(c => c.Passage.Document.Year ?? 0)
            .First();
    }

    private static int Rank(IReadOnlyList<DocumentKind> order, DocumentKind kind)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == kind)
            {
                return i;
            }
        }

        return order.Count;
    }

    internal static bool IsRedundant(SentenceCandidate a, SentenceCandidate b)
    {
        if (string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var shared = a.Terms.Count(b.Terms.Contains);
        var union = a.Terms.Length + b.Terms.Length - shared;
        return union > 0 && (double)shared / union >= RedundantJaccard;
    }
}
