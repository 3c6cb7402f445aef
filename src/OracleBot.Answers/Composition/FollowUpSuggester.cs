using Lucene.Net.Analysis;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Suggests follow-up questions the knowledge base can answer, taken from the retrieved evidence itself:
/// first the section questions of retrieved reference pages that the answer did not already use (each is
/// answered by its own section), then MeSH topics of retrieved studies (indexed, so asking retrieves
/// them). Fewer than three is better than filler.
/// </summary>
internal sealed class FollowUpSuggester(Analyzer analyzer, KnowledgeStore store)
{
    private const int MaxSuggestions = 3;

    // MeSH headings come from a closed vocabulary, so analysing each once bounds this cache.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> _meshTerms = new(StringComparer.Ordinal);
    private const int DocumentsConsidered = 5;

    // MeSH check tags and study-design headings describe who or how, not a topic worth asking about.
    private static readonly HashSet<string> GenericMeshes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Humans", "Animals", "Male", "Female", "Adult", "Aged", "Aged, 80 and over", "Middle Aged", "Young Adult",
        "Adolescent", "Child", "Child, Preschool", "Infant", "Infant, Newborn", "Pregnancy", "Mice", "Rats",
        "Retrospective Studies", "Prospective Studies", "Cohort Studies", "Follow-Up Studies", "Treatment Outcome",
        "Risk Factors", "Cross-Sectional Studies", "Questionnaires", "Surveys and Questionnaires", "Time Factors",
        "Case-Control Studies", "Reproducibility of Results", "Sensitivity and Specificity", "Prognosis",
        "Incidence", "Prevalence", "Logistic Models", "Multivariate Analysis", "Odds Ratio", "Age Factors",
        "Sex Factors", "Statistics, Nonparametric", "Regression Analysis", "Predictive Value of Tests",
        "Severity of Illness Index", "Disease Models, Animal", "United States", "Cells, Cultured",
    };

    public IReadOnlyList<string> Suggest(string question, RetrievalResult retrieval, IReadOnlyCollection<string> citedPassageIds)
    {
        var asked = Normalise(question);
        var questionTerms = retrieval.Terms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var usedHeadings = citedPassageIds.Select(store.FindPassage).Select(p => p?.Heading).OfType<string>()
            .Select(Normalise).ToHashSet(StringComparer.Ordinal);
        var suggestions = new List<string>();
        var documents = retrieval.Documents.Take(DocumentsConsidered).ToList();

        foreach (var document in documents.Where(d => d.Document.Kind != DocumentKind.Research))
        {
            foreach (var heading in store.PassagesOf(document.Document.Id).Select(p => p.Heading).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                var key = Normalise(heading);
                if (key != asked && !usedHeadings.Contains(key))
                {
                    Offer(heading);
                }
            }
        }

        foreach (var document in documents.Where(d => d.Document.Kind == DocumentKind.Research))
        {
            foreach (var mesh in document.Document.Meshes.Where(m => !GenericMeshes.Contains(m)))
            {
                // A topic the question already names would only restate it.
                var meshTerms = _meshTerms.GetOrAdd(mesh, m => MedicalTextAnalyzer.Terms(analyzer, m));
                if (meshTerms.Count > 0 && !meshTerms.TrueForAll(questionTerms.Contains))
                {
                    Offer($"What does the research say about {mesh}?");
                }
            }
        }

        return suggestions;

        void Offer(string suggestion)
        {
            if (suggestions.Count < MaxSuggestions && !suggestions.Exists(s => Normalise(s) == Normalise(suggestion)))
            {
                suggestions.Add(suggestion);
            }
        }
    }

    private static string Normalise(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
