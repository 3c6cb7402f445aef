using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Contract;
using OracleBot.Cards;
using OracleBot.Cards.Templating;

namespace OracleBot.Tests.Cards;

/// <summary>Answers and factories shared by the card tests. Texts come from the seed knowledge base.</summary>
internal static class CardTestData
{
    public static string TemplatesDirectory { get; } = CardTemplateCatalog.ResolveDirectory(null);

    public static CardTemplateCatalog Templates { get; } = CardTemplateCatalog.Load(TemplatesDirectory);

    public static CardFactory Factory(int maxCardBytes = 60_000) =>
        new(Templates, Options.Create(new CardsOptions { MaxCardBytes = maxCardBytes }), NullLogger<CardFactory>.Instance);

    public static Citation PericarditisReference(int number = 1) => new(
        number,
        "medquad:NHLBI:0000100",
        "medquad:NHLBI:0000100#2",
        "Pericarditis (NHLBI)",
        DocumentKind.Reference,
        "MedQuAD / NHLBI (NIH)",
        null,
        "http://www.nhlbi.nih.gov/health/health-topics/topics/peri",
        "CC BY 4.0",
        "Viral infections are likely a common cause of pericarditis, although the virus may never be found.");

    public static Answer Pericarditis() => new(
        "a-2f9c1e7b",
        "What causes pericarditis?",
        new Statement("Viral infections are likely a common cause of pericarditis, although the virus may never be found.", [1]),
        [
            new AnswerSection(DocumentKind.Reference,
            [
                new Statement("Bacterial, fungal, and other infections also can cause pericarditis.", [1]),
                new Statement("Other possible causes include heart attack or heart surgery, other medical conditions, injuries, and certain medicines.", [1, 2]),
            ]),
            new AnswerSection(DocumentKind.Research, [new Statement("A research statement used only to exercise the research section.", [2])]),
        ],
        [
            PericarditisReference(),
            new Citation(2, "pmid:1", "pmid:1#0", "PMID 1 (2001): placeholder title", DocumentKind.Research, "PubMed", 2001,
                "https://pubmed.ncbi.nlm.nih.gov/1/", "MIT", "Placeholder excerpt."),
        ],
        ["How is pericarditis treated?", "What are the symptoms of pericarditis?"],
        ["No guideline in the knowledge base addresses this question."]);
}
