using Lucene.Net.Analysis;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Writes an answer without a language model: every statement is a sentence quoted from a retrieved
/// passage and cites that passage. The bottom line comes from the most authoritative relevant document
/// (guideline, then evidence summary, then reference, then research); sections follow in the same order. Weak evidence is said
/// so in a notice, and no evidence gives an answer with no statements rather than a stretched one.
/// </summary>
public sealed class ExtractiveComposer
{
    internal const double RelevantCoverage = 0.6;
    internal const double StrongCoverage = 0.7;
    private const double AuthorityScoreRatio = 0.6;
    private const double RedundantJaccard = 0.6;
    private const double StatementCoverage = 0.35;
    private const int StatementsPerDocument = 2;
    private const int DocumentsUsed = 6;

    public const string NothingFoundNotice = "The knowledge base holds little on this question, so no answer is given from it.";
    public const string NoGuidelineNotice = "No guideline in the knowledge base addresses this question.";
    public const string WeakEvidenceNotice = "The evidence found matches the question only in part; check the cited sources before relying on it.";

    private static readonly DocumentKind[] KindOrder = [DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Reference, DocumentKind.Research];

    // Clinicians weigh guidelines, then evidence summaries, then studies, then pages written for the public.
    private static readonly DocumentKind[] ClinicianSectionOrder = [DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research, DocumentKind.Reference];

    private readonly CandidateExtractor _extractor;
    private readonly FollowUpSuggester _followUps;
    private readonly int _maxStatements;

    public ExtractiveComposer(Analyzer analyzer, KnowledgeStore store, int maxStatements)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStatements, 1);
        _extractor = new CandidateExtractor(new PassageTerms(analyzer, store.Passages.Count));
        _followUps = new FollowUpSuggester(analyzer, store);
        _maxStatements = maxStatements;
    }

    /// <summary>Which sections lead for a reader: plain-language reference pages first for patients and students.</summary>
    public static IReadOnlyList<DocumentKind> SectionOrderFor(string? audience) => audience?.ToUpperInvariant() switch
    {
        "PATIENT" or "STUDENT" => [DocumentKind.Reference, DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research],
        _ => ClinicianSectionOrder,
    };

    public Answer Compose(string answerId, string question, RetrievalResult retrieval, string? audience = null)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        var documents = retrieval.Documents.Take(DocumentsUsed).ToList();
        var candidates = _extractor.Extract(retrieval.Terms, documents);

        // A document counts as evidence when its best passage covers enough of the question.
        var relevant = documents
            .Select((d, rank) => (Document: d, Rank: rank, Coverage: _extractor.PassageCoverage(
                retrieval.Terms, d.Best.Passage, candidates.Where(c => c.DocumentRank == rank && c.Passage == d.Best.Passage))))
            .Where(d => d.Coverage >= RelevantCoverage)
            .ToList();
        if (relevant.Count == 0)
        {
            return new Answer(answerId, question, null, [], [], [], [NothingFoundNotice]);
        }

        var usable = candidates.Where(c => c.Coverage >= StatementCoverage && relevant.Exists(r => r.Rank == c.DocumentRank)).ToList();
        var bottomLine = ChooseBottomLine(relevant.Select(r => r.Document).ToList(), usable);
        if (bottomLine is null)
        {
            return new Answer(answerId, question, null, [], [], [], [NothingFoundNotice]);
        }

        var chosen = new List<SentenceCandidate> { bottomLine };
        foreach (var group in usable.GroupBy(c => c.DocumentRank).OrderBy(g => g.Key))
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
        foreach (var kind in SectionOrderFor(audience))
        {
            var statements = chosen.Skip(1)
                .Where(c => c.Passage.Document.Kind == kind)
                .OrderBy(c => c.DocumentRank)
                .Select(c => new Statement(c.Text, [citations.NumberFor(c.Passage, c.Text)]))
                .ToList();
            if (statements.Count > 0)
            {
                sections.Add(new AnswerSection(kind, statements));
            }
        }

        var notices = new List<string>();
        if (!relevant.Exists(r => r.Document.Document.Kind == DocumentKind.Guideline))
        {
            notices.Add(NoGuidelineNotice);
        }

        if (relevant.Max(r => r.Coverage) < StrongCoverage)
        {
            notices.Add(WeakEvidenceNotice);
        }

        var followUps = _followUps.Suggest(question, retrieval, citations.CitedPassageIds);
        return new Answer(answerId, question, bottom, sections, citations.Citations, followUps, notices);
    }

    // Prefer the most authoritative kind whose best relevant document scores close to the top hit;
    // a barely matching reference page should not speak before a closely matching study.
    private static SentenceCandidate? ChooseBottomLine(List<RetrievedDocument> relevant, List<SentenceCandidate> usable)
    {
        var topScore = relevant.Max(d => d.Score);
        foreach (var kind in KindOrder)
        {
            var best = relevant.FirstOrDefault(d => d.Document.Kind == kind);
            if (best is null || (kind != DocumentKind.Research && best.Score < AuthorityScoreRatio * topScore))
            {
                continue;
            }

            var sentence = usable.Where(c => c.Document == best).MaxBy(c => c.Score);
            if (sentence is not null)
            {
                return sentence;
            }
        }

        return usable.MaxBy(c => c.Score);
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
