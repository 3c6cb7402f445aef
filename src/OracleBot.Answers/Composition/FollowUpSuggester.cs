using System.Text.RegularExpressions;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Suggests the questions a clinician would ask next about the same topic — its treatment, prognosis,
/// diagnosis, side effects — where the answering document has a section on them, and the section
/// questions of retrieved reference pages. Each is offered only when the knowledge base answers it (the
/// <c>answerable</c> check runs the question through retrieval and the relevance gate). Fewer than three is
/// better than filler.
/// </summary>
internal sealed partial class FollowUpSuggester(KnowledgeStore store, Func<string, string?, bool>? answerable)
{
    private const int MaxSuggestions = 3;
    private const int MaxChecks = 4;
    private const int DocumentsConsidered = 4;
    private const int MaxTopicChars = 70;

    // The next questions, in the order a clinician tends to ask them.
    private static readonly (Facet Facet, string Template)[] Templates =
    [
        (Facet.Treatment, "How {1} {0} treated?"),
        (Facet.Prognosis, "What is the prognosis of {0}?"),
        (Facet.AdverseEffects, "What are the side effects of treatment for {0}?"),
        (Facet.Diagnosis, "How {1} {0} diagnosed?"),
        (Facet.RiskFactors, "What are the risk factors for {0}?"),
        (Facet.Screening, "What is the evidence on screening for {0}?"),
        (Facet.Prevention, "How can {0} be prevented?"),
    ];

    public IReadOnlyList<string> Suggest(string question, QuestionIntent intent, KnowledgeDocument answering, RetrievalResult retrieval)
    {
        if (answerable is null)
        {
            return [];
        }

        var asked = Normalise(question);
        var offered = new List<string>();
        var checks = 0;
        foreach (var (suggestion, document) in Candidates(intent, answering, retrieval))
        {
            if (offered.Count >= MaxSuggestions || checks >= MaxChecks)
            {
                break;
            }

            var key = Normalise(suggestion);
            if (key == asked || offered.Exists(o => Normalise(o) == key))
            {
                continue;
            }

            checks++;
            if (answerable(suggestion, document))
            {
                offered.Add(suggestion);
            }
        }

        return offered;
    }

    private IEnumerable<(string Question, string? Document)> Candidates(QuestionIntent intent, KnowledgeDocument answering, RetrievalResult retrieval)
    {
        // Facets the answering document has a section on, other than the one asked.
        if (TopicOf(answering) is { } title)
        {
            var topic = AsWritten(title, answering.Body);
            var verb = IsPlural(topic) ? "are" : "is";
            var headed = store.PassagesOf(answering.Id).Select(SectionPath.Of).OfType<string>().Distinct(StringComparer.Ordinal)
                .Aggregate(Facet.None, (f, h) => f | FacetVocabulary.OfHeading(h));
            foreach (var (facet, template) in Templates)
            {
                if ((intent.Facets & facet) == 0 && (headed & facet) != 0)
                {
                    yield return (string.Format(System.Globalization.CultureInfo.InvariantCulture, template, topic, verb), answering.Id);
                }
            }
        }

        // A reference page's own section questions ("What are the treatments for Sleep Apnea ?") read as asked.
        foreach (var document in retrieval.Documents.Take(DocumentsConsidered).Where(d => d.Document.Kind == DocumentKind.Reference))
        {
            foreach (var heading in store.PassagesOf(document.Document.Id).Select(p => p.Heading).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (AsQuestion(heading) is { } text && (FacetVocabulary.OfQuestion(text) & intent.Facets) == 0)
                {
                    yield return (text, document.Document.Id);
                }
            }
        }
    }

    /// <summary>The topic a document is about, from its title without the source's labels ("(PDQ®)–Health Professional Version", "Treatment", "(NHLBI)").</summary>
    internal static string? TopicOf(KnowledgeDocument document)
    {
        if (document.Kind == DocumentKind.Research)
        {
            return null;
        }

        var title = document.Title;
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        if (document.Kind == DocumentKind.Guideline && colon > 0)
        {
            title = title[..colon];
        }

        // "Pancreatic Neuroendocrine Tumors (Islet Cell Tumors) Treatment (PDQ®)–Health Professional Version" → "Pancreatic Neuroendocrine Tumors".
        for (var pass = 0; pass < 2; pass++)
        {
            title = TitleLabels().Replace(title, string.Empty).Trim();
            title = TitleFacetWords().Replace(title, string.Empty).Trim().TrimEnd(',', ':', '-', '\u2013').Trim();
            title = TrailingParenthesis().Replace(title, string.Empty).Trim();
        }
        return title.Length is > 2 and <= MaxTopicChars ? title : null;
    }

    /// <summary>
    /// A title's words as the document writes them in running text: "Pancreatic Neuroendocrine Tumors" →
    /// "pancreatic neuroendocrine tumors", while "Hodgkin" and "GIST" keep their capitals.
    /// </summary>
    internal static string AsWritten(string title, string body)
    {
        var words = title.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var lower = words[i].ToLowerInvariant();
            if (lower != words[i] && !words[i].Skip(1).Any(char.IsUpper) && body.Contains(" " + lower, StringComparison.Ordinal))
            {
                words[i] = lower;
            }
        }

        return string.Join(' ', words);
    }

    // "Tumors" and "Kidney Stones" take "are"; "Diabetes", "Hepatitis", "Sleep Apnea" take "is".
    internal static bool IsPlural(string topic) =>
        topic.Length > 1 && topic[^1] == 's' && !SingularEndings().IsMatch(topic);

    // "What is (are) Sleep Apnea ?" → "What is Sleep Apnea?"; "What is (are) Pancreatic Neuroendocrine Tumors (Islet Cell
    // Tumors) ?" → "What are Pancreatic Neuroendocrine Tumors?"; "Who is at risk for Asthma? ?" → "Who is at risk for Asthma?".
    // A booklet's title pasted into a section question ("What is What I need to know about Hepatitis B?") is no question.
    internal static string? AsQuestion(string heading)
    {
        var text = SpaceBeforeQuestionMark().Replace(heading.Replace("? ?", "?", StringComparison.Ordinal), "?").Trim();
        if (DefinitionHeading().Match(text) is { Success: true } definition)
        {
            var topic = TrailingParenthesis().Replace(definition.Groups["topic"].Value, string.Empty).Trim();
            text = $"What {(IsPlural(topic) ? "are" : "is")} {topic}?";
        }

        if (text.StartsWith("what research", StringComparison.OrdinalIgnoreCase) || !text.EndsWith('?')
            || text.Contains("What I need to know", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"^What is \(are\) (?<topic>.+)\?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DefinitionHeading();

    private static string Normalise(string text) =>
        new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"\s*(\(PDQ®?\)\s*[–-]\s*Health Professional Version|\((NHLBI|NIDDK|NINDS|CDC|CancerGov|GHR|NIHSeniorHealth)\)|\(PDQ®?\))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleLabels();

    [GeneratedRegex(@"\s+(Treatment|Screening|Prevention)$|^Parasites\s*-\s*", RegexOptions.CultureInvariant)]
    private static partial Regex TitleFacetWords();

    [GeneratedRegex(@"\s*\([^()]*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"(is|us|ss|diabetes|herpes|rabies|measles|mumps|sepsis|AIDS)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SingularEndings();

    [GeneratedRegex(@"\s+\?")]
    private static partial Regex SpaceBeforeQuestionMark();
}
