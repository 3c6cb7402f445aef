using Lucene.Net.Analysis;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Composition;

/// <summary>What a question asks: its topic (the query terms that name what it is about), the facet it asks
/// about that topic, who it is about, and whether it wants a yes or a no.</summary>
/// <param name="Topic">Query terms that are not facet or question words: the disease, drug, test, population.</param>
/// <param name="All">Every query term, facet words included (a sentence that repeats "survival" answers a survival question).</param>
public sealed record QuestionIntent(Facet Facets, Population Population, bool YesNo, IReadOnlyList<QueryTerm> Topic, IReadOnlyList<QueryTerm> All)
{
    /// <summary>The age the question names ("a 45-year-old"), if any.</summary>
    public int? Age { get; init; }

    /// <summary>The stage, phase, extent or risk group the question names ("stage II", "chronic phase").</summary>
    public DiseaseExtent Extent { get; init; }

    /// <summary>The topic terms naming what a "what/which …" question asks for (<see cref="AnswerType"/>): one concept's names, or none.</summary>
    public IReadOnlyList<QueryTerm> Asked { get; init; } = [];

    /// <summary>The facets that narrow the question; a bare "should I…" narrows nothing beyond the recommendation.</summary>
    public Facet Specific => Facets & ~Facet.Recommendation;
}

/// <summary>Works out a <see cref="QuestionIntent"/> from the question text and its analysed query terms.</summary>
public sealed class QuestionUnderstanding
{
    private readonly Analyzer _analyzer;
    private readonly HashSet<string> _facetStems;

    public QuestionUnderstanding(Analyzer analyzer)
    {
        _analyzer = analyzer;
        _facetStems = [.. MedicalTextAnalyzer.Terms(analyzer, FacetVocabulary.FacetWords)];
    }

    /// <param name="question">The question as asked.</param>
    /// <param name="standalone">The question with what it borrows from its thread (the rewritten query), used when the question alone names no facet or population.</param>
    public QuestionIntent Understand(string question, string? standalone, IReadOnlyList<QueryTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        question ??= string.Empty;
        var facets = FacetVocabulary.OfQuestion(question);
        if (facets == Facet.None && !string.IsNullOrWhiteSpace(standalone))
        {
            facets = FacetVocabulary.OfQuestion(standalone);
        }

        var population = FacetVocabulary.PopulationOf(question);
        if (population == Population.None && !string.IsNullOrWhiteSpace(standalone))
        {
            population = FacetVocabulary.PopulationOf(standalone);
        }

        // Ages and counts ("a 60-year-old") qualify who is asked about; passages give ranges, not the number.
        var topic = terms.Where(t => !_facetStems.Contains(t.Text) && !t.Text.All(char.IsDigit)).ToList();
        return new QuestionIntent(facets, population, FacetVocabulary.IsYesNo(question), topic.Count > 0 ? topic : terms, terms)
        {
            Age = AgeFit.AgeOf(question) ?? (string.IsNullOrWhiteSpace(standalone) ? null : AgeFit.AgeOf(standalone)),
            Extent = DiseaseExtents.Of(question) is var extent && extent == DiseaseExtent.None && !string.IsNullOrWhiteSpace(standalone)
                ? DiseaseExtents.Of(standalone) : extent,
            Asked = AskedTerms(question, topic),
        };
    }

    // The asked-for word's own term among the topic, with the other names its concept has.
    private List<QueryTerm> AskedTerms(string question, List<QueryTerm> topic)
    {
        if (AnswerType.HeadOf(question) is not { } head)
        {
            return [];
        }

        var stems = MedicalTextAnalyzer.Terms(_analyzer, head);
        var own = topic.Find(t => stems.Contains(t.Text, StringComparer.Ordinal));
        return own is null ? [] : topic.FindAll(t => ReferenceEquals(t, own) || (own.Concept >= 0 && t.Concept == own.Concept));
    }
}
