using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;
using OracleBot.Cards;
using OracleBot.Cards.Templating;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Cards;

/// <summary>
/// Every card the bot can send: each template bound to each of its sample data files, and the
/// factory's cards for live answers of the embedded engine over the committed seeds.
/// </summary>
public sealed class SentCards : IAsyncLifetime, IDisposable
{
    /// <summary>
    /// Questions whose live answers are rendered: reference pages, research abstracts, a guideline, an evidence
    /// summary, and one with no answer.
    /// </summary>
    public static readonly string[] Questions =
    [
        "What causes pericarditis?",
        "How is Hashimoto's disease treated?",
        "What are the symptoms of adult acute lymphoblastic leukemia?",
        "Does aspirin reduce the risk of colorectal cancer?",
        "Is vitamin D supplementation associated with fewer fractures?",
        "What is the airspeed velocity of an unladen swallow?",
        "Should adults aged 40 to 75 years with cardiovascular risk factors take a statin for primary prevention?",
        "How are liver metastases of pancreatic neuroendocrine tumors treated?",
    ];

    private KnowledgeIndex? _index;

    public static string TemplatesDirectory { get; } = Path.Combine(RepositoryPaths.Root, "cards");

    public CardTemplateCatalog Templates { get; } = CardTemplateCatalog.Load(TemplatesDirectory);

    public CardFactory Factory { get; private set; } = null!;

    /// <summary>Label → card, in a stable order.</summary>
    public List<(string Label, JsonObject Card)> Cards { get; } = [];

    public List<Answer> LiveAnswers { get; } = [];

    public async Task InitializeAsync()
    {
        Factory = new CardFactory(Templates, Options.Create(new CardsOptions()), NullLogger<CardFactory>.Instance);
        foreach (var name in CardTemplateCatalog.RequiredNames)
        {
            var template = CardTemplate.Compile(name, File.ReadAllText(Path.Combine(TemplatesDirectory, name + ".json")));
            foreach (var dataFile in Directory.GetFiles(TemplatesDirectory, name + ".*data.json").Order(StringComparer.Ordinal))
            {
                var sample = Path.GetFileName(dataFile)[..^".data.json".Length];
                if (sample == name || sample.StartsWith(name + ".", StringComparison.Ordinal))
                {
                    Cards.Add(($"sample-{sample}", template.BindObject(JsonNode.Parse(File.ReadAllText(dataFile)))));
                }
            }
        }

        Cards.Add(("welcome", Factory.Welcome()));
        Cards.Add(("help", Factory.Help()));
        Cards.Add(("error-retry", Factory.Error("What causes pericarditis?")));
        Cards.Add(("error", Factory.Error(null)));
        Cards.Add(("audience", Factory.Audience("nurse")));
        Cards.Add(("feedback-thanks-like", Factory.FeedbackThanks("like")));
        Cards.Add(("feedback-thanks-dislike", Factory.FeedbackThanks("dislike")));
        Cards.Add(("too-long", Factory.TooLong(2_345, 2_000)));

        _index = new KnowledgeIndex(
            new KnowledgeIndexLocation(Path.Combine(RepositoryPaths.Root, "seeds"), RepositoryPaths.SharedIndexDirectory),
            NullLogger<KnowledgeIndex>.Instance);
        await _index.EnsureReadyAsync(CancellationToken.None);
        var service = new EmbeddedAnswerService(_index, Options.Create(new AnswersOptions()), NullLogger<EmbeddedAnswerService>.Instance);
        for (var i = 0; i < Questions.Length; i++)
        {
            var answer = await service.AnswerAsync(new AnswerRequest(Questions[i], i % 2 == 0 ? Audiences.Physician : Audiences.Nurse), CancellationToken.None);
            LiveAnswers.Add(answer);
            Cards.Add(($"live-answer-{i + 1}", Factory.Answer(answer, i % 2 == 0 ? Audiences.Physician : Audiences.Nurse)));
            foreach (var citation in answer.Citations.Take(2))
            {
                Cards.Add(($"live-citation-{i + 1}-{citation.Number}", Factory.Citation(citation)));
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _index?.Dispose();
}
