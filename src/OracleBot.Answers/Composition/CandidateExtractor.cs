using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Judges the retrieved passages against the question (<see cref="RelevanceGate"/>) and collects the
/// quotable sentences of the relevant ones, scored by how well each answers it: the topic named, the
/// question's own words in the sentence, the facet spoken to, the population. Sentences are taken
/// verbatim; only a leading section label is dropped.
/// </summary>
internal sealed class CandidateExtractor(PassageTerms passageTerms, KnowledgeStore store)
{
    private const int PassagesPerDocument = 3;
    private const int HeadedPassages = 2;
    private const int MinWords = 6;
    private const int MaxWords = 80;

    private const double TopicWeight = 0.5;
    private const double OwnWeight = 0.5;

    // A sentence that speaks to what was asked answers it; a section whose heading announces it ("Prognosis
    // and Survival", "What are the treatments for …?") is where the source itself answers it.
    private const double FacetBonus = 0.2;
    private const double HeadingFacetBonus = 0.12;
    private const double PopulationBonus = 0.15;
    private const double OtherPopulationPenalty = 0.2;
    private const double AgeBonus = 0.2;

    // Within a guideline record, the sentence on the asked age band ("men aged 55 to 69 years") answers a
    // 60-year-old; the one on "men older than 70 years" does not.
    private const double SentenceAgeBonus = 0.15;
    private const double ConclusionBonus = 0.05;
    private const double RankBonus = 0.05;
    private const double SignpostPenalty = 0.35;

    // "Should I…" is answered by the sentence that recommends (or recommends against), not by trial details.
    private const double RecommendationBonus = 0.15;

    // A document whose title or headings name the topic is about it; one that names it in passing is not.
    private const double AboutWeight = 0.25;

    // A guideline record opens with what it recommends for its population ("The USPSTF recommends screening
    // for LTBI in populations at increased risk."); the practice considerations after it qualify that
    // statement, so asked about the record's topic, the statement is the answer; asked how often or how
    // much, the sentence on frequency or dose is.
    private const double StatementBonus = 0.25;

    // A section on the stage, phase or risk group asked answers it; the neighbouring stage's section does not.
    private const double ExtentBonus = 0.15;

    // A sentence that leans on the one before ("This strategy is justified…", "However, treatment may…")
    // does not stand alone as an answer.
    private const double AnaphoraPenalty = 0.15;

    public List<PassageRelevance> Judge(QuestionIntent intent, IReadOnlyList<RetrievedDocument> documents)
    {
        var judged = new List<PassageRelevance>();
        for (var rank = 0; rank < documents.Count; rank++)
        {
            var document = documents[rank];
            var considered = Considered(intent, document).Select(p => (Passage: p, Entry: passageTerms.For(p))).ToList();
            var similarity = document.Passages.Select(p => p.Similarity ?? 0).DefaultIfEmpty(0).Max();

            // An abstract states its question in one passage and its answer in the next: together they show
            // whether it is about the topic. (A long page's passages together name almost anything.)
            var documentTopic = document.Document.Kind == DocumentKind.Research
                ? TermCoverage.Of(intent.Topic, term => considered.Exists(c => Names(c.Entry, term)))
                : 0;
            foreach (var (passage, entry) in considered)
            {
                var topic = TermCoverage.Of(intent.Topic, term => Names(entry, term));
                var addresses = RelevanceGate.PassageAddressesFacet(intent, entry.AllFacets)
                    && RelevanceGate.AddressesPopulation(intent, () => entry.Population | FacetVocabulary.PopulationOf(passage.Text))
                    && RelevanceGate.NamesWhatIsAsked(intent, term => Names(entry, term));
                judged.Add(new PassageRelevance(document, rank, passage, topic, addresses)
                {
                    DocumentTopic = documentTopic,
                    Similarity = document.Passages.FirstOrDefault(p => p.Passage.Ordinal == passage.Ordinal)?.Similarity ?? similarity,
                });
            }
        }

        return judged;
    }

    public List<SentenceCandidate> Extract(QuestionIntent intent, IReadOnlyList<PassageRelevance> relevant, int documentCount)
    {
        var candidates = new List<SentenceCandidate>();
        foreach (var judged in relevant)
        {
            var passage = judged.Passage;
            var entry = passageTerms.For(passage);
            var headingAnswers = RelevanceGate.AddressesFacet(intent, entry.HeadingFacets) && entry.HeadingFacets != Facet.None;
            var about = TermCoverage.Of(intent.Topic, entry.HeadingTerms, entry.TitleTerms);
            var population = PopulationFit(intent.Population, entry.Population)
                + (intent.Age is { } age ? AgeBonus * AgeFit.Fit(age, passage.Document.Title) : 0);
            var awaitingStatement = passage.Equals(GuidelineOpening(passage.Document));
            var sectionExtent = ExtentBonus * SectionExtentFit(intent, passage);
            foreach (var sentence in entry.Sentences)
            {
                var text = sentence.Text;
                if (text is null)
                {
                    continue;
                }

                var isStatement = awaitingStatement;
                awaitingStatement = false;

                var words = Passage.CountWords(text);
                if (words < MinWords || words > MaxWords || !ReadsAsStatement(text))
                {
                    continue;
                }

                var topic = TermCoverage.Of(intent.Topic, sentence.Terms, entry.HeadingTerms, entry.TitleTerms);
                if (topic < RelevanceGate.SentenceTopicShare)
                {
                    continue;
                }

                // How much of the whole question (facet words included) the sentence, its headings and its
                // document's title name together: a summary's sentences rarely repeat the tumour's name its
                // title gives, and the sentence that names the question's specifics besides answers it. A
                // document whose title is the question (a guideline on that screening) counts as naming it.
                var own = TermCoverage.Of(intent.All, sentence.Terms, entry.HeadingTerms, entry.TitleTerms);
                var sentenceAnswers = RelevanceGate.AddressesFacet(intent, sentence.Facets) && (sentence.Facets != Facet.None || intent.Facets == Facet.None);
                var answersFacet = sentenceAnswers || headingAnswers || intent.Facets == Facet.None || intent.YesNo;
                var inConclusion = passage.Document.ConclusionStart is { } start && sentence.Range.Start >= start;
                var score = (TopicWeight * topic) + (OwnWeight * own)
                    + (sentenceAnswers ? FacetBonus : 0) + (headingAnswers ? HeadingFacetBonus : 0)
                    + population
                    + (AboutWeight * about)
                    + (intent.Age is { } asked ? SentenceAgeBonus * AgeFit.Fit(asked, text) : 0)
                    + ((intent.Facets & sentence.Facets & Facet.Recommendation) != 0 ? RecommendationBonus : 0)
                    - (Signposts.IsSignpost(text) ? SignpostPenalty : 0)
                    - (Signposts.LeansOnPrevious(text) ? AnaphoraPenalty : 0)
                    + (isStatement && (intent.Specific & Facet.Dosing) == 0 ? StatementBonus : 0)
                    + sectionExtent + (ExtentBonus / 2 * ExtentFit(intent, text))
                    + (inConclusion ? ConclusionBonus : 0)
                    + (RankBonus * (documentCount - judged.DocumentRank) / documentCount);
                candidates.Add(new SentenceCandidate(judged.Document, judged.DocumentRank, passage, text, sentence.Terms, topic, own, answersFacet, score));
            }
        }

        return candidates;
    }

    private static int SectionExtentFit(QuestionIntent intent, Passage passage) =>
        passage.HeadingPath.Count == 0 ? 0 : ExtentFit(intent, string.Join(" › ", passage.HeadingPath));

    private static int ExtentFit(QuestionIntent intent, string text) =>
        intent.Extent == DiseaseExtent.None ? 0 : DiseaseExtents.Fit(intent.Extent, DiseaseExtents.Of(text));

    // The passage holding a guideline record's opening statement; null for other kinds of document.
    private Passage? GuidelineOpening(KnowledgeDocument document) =>
        document.Kind == DocumentKind.Guideline && store.PassagesOf(document.Id) is [var opening, ..] ? opening : null;

    private static bool Names(PassageTerms.Entry entry, string term) =>
        Array.IndexOf(entry.HeadingTerms, term) >= 0 || Array.IndexOf(entry.TitleTerms, term) >= 0
        || Array.Exists(entry.Sentences, s => Array.IndexOf(s.Terms, term) >= 0);

    // A question about children is best answered from a childhood summary; one that names no population
    // is not answered from a summary on another (childhood, pregnancy) as if it were general.
    private static double PopulationFit(Population asked, Population passage)
    {
        if (asked != Population.None)
        {
            return (asked & passage) != 0 ? PopulationBonus : 0;
        }

        return (passage & (Population.Children | Population.Pregnancy)) != 0 ? -OtherPopulationPenalty : 0;
    }

    // The best passages of a document, and the first passages of the document whose heading speaks to the
    // facet asked: a long summary's prognosis section may not be retrieved at all, because its other
    // passages repeat the topic's name more often.
    private IEnumerable<Passage> Considered(QuestionIntent intent, RetrievedDocument document)
    {
        var best = document.Passages.Take(PassagesPerDocument).Select(p => p.Passage).ToList();
        if (GuidelineOpening(document.Document) is { } opening && !best.Contains(opening))
        {
            best.Add(opening);
        }

        if (intent.Specific == Facet.None)
        {
            return best;
        }

        var headed = store.PassagesOf(document.Document.Id)
            .Where(p => !best.Contains(p) && (passageTerms.HeadingFacetsOf(p) & intent.Specific) != 0)
            .OrderByDescending(p => SectionExtentFit(intent, p)) // stable: document order among equals
            .Take(HeadedPassages);
        return best.Concat(headed);
    }

    // Reference pages carry navigation ("See the PDQ summary on …") and title lists that quote badly.
    internal static bool ReadsAsStatement(string text)
    {
        if (text.StartsWith("See ", StringComparison.Ordinal) || text.StartsWith("(See ", StringComparison.Ordinal)
            || text.StartsWith("This summary", StringComparison.Ordinal) || text.StartsWith("For more information", StringComparison.Ordinal)
            || text.Contains("PDQ summar", StringComparison.Ordinal) || text.StartsWith('#') || text.StartsWith('|')
            || text.Contains("Enlarge!", StringComparison.Ordinal)) // a summary's figure caption, not a statement
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var capitalised = words.Count(w => char.IsUpper(w[0]));
        return capitalised * 10 < words.Length * 6;
    }
}
