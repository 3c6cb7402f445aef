using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Contract;
using OracleBot.Cards.Answers;
using OracleBot.Cards.Templating;
using OracleBot.Cards.Text;

namespace OracleBot.Cards;

/// <summary>
/// Builds OracleBot's Adaptive Cards by binding the compiled templates of <c>cards/</c>.
/// Card actions post <c>Action.Submit</c> data: <c>{"action":"followUp","question":…}</c>,
/// <c>{"action":"feedback","answerId":…,"reaction":"like"|"dislike"}</c> and
/// <c>{"action":"retry","question":…}</c>.
/// </summary>
public sealed partial class CardFactory
{
    /// <summary>The professional disclaimer shown on the answer, welcome and help cards.</summary>
    public const string Disclaimer =
        "OracleBot supports clinical decisions; it does not give medical advice. "
        + "Check every statement against the cited sources and apply your own clinical judgement.";

    private static readonly (string Title, string Question)[] ExampleQuestions =
    [
        ("What causes pericarditis?", "What causes pericarditis?"),
        ("How is Hashimoto's disease treated?", "How is Hashimoto's disease treated?"),
        ("What are the symptoms of alpha-1 antitrypsin deficiency?", "What are the symptoms of alpha-1 antitrypsin deficiency?"),
    ];

    private static readonly (string Name, string Description)[] Commands =
    [
        ("help", "Show this list of commands."),
        ("new topic", "Forget the earlier questions of this thread and start afresh."),
        ("audience", "Show or set who answers are written for, e.g. audience nurse."),
        ("about", "What OracleBot is, where its evidence comes from, and its limits."),
    ];

    private readonly CardTemplateCatalog _templates;
    private readonly int _maxCardBytes;
    private readonly ILogger<CardFactory> _logger;
    private readonly JsonObject _welcomeData = WelcomeData();
    private readonly JsonObject _helpData = HelpData();

    public CardFactory(CardTemplateCatalog templates, IOptions<CardsOptions> options, ILogger<CardFactory> logger)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(options);
        _templates = templates;
        _maxCardBytes = options.Value.MaxCardBytes;
        _logger = logger;
    }

    /// <summary>The answer card; statements and references are dropped from the end if it would exceed the size budget.</summary>
    public JsonObject Answer(Answer answer, string audience) => (JsonObject)JsonNode.Parse(AnswerUtf8(answer, audience))!;

    /// <summary>
    /// The answer card as the UTF-8 JSON that goes on the wire (what serialising <see cref="Answer"/> gives), bound
    /// straight from the template: the turn's hot path. Statements and references are dropped from the end if it
    /// would exceed the size budget.
    /// </summary>
    public byte[] AnswerUtf8(Answer answer, string audience)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var content = AnswerCardContent.From(answer, audience);
        var card = _templates.Answer.BindUtf8(AnswerCardData.Build(content));
        if (card.Length <= _maxCardBytes)
        {
            return card;
        }

        var originalSize = card.Length;
        while (card.Length > _maxCardBytes && content.TryShrink())
        {
            card = _templates.Answer.BindUtf8(AnswerCardData.Build(content));
        }

        LogTrimmed(originalSize, card.Length, _maxCardBytes);
        return card;
    }

    /// <summary>The detail of one cited source: supporting passage, source, year, licence and an "Open source" link.</summary>
    public JsonObject Citation(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return _templates.Citation.BindObject(CitationCardData.Build(citation));
    }

    public JsonObject Welcome() => _templates.Welcome.BindObject(_welcomeData);

    public JsonObject Help() => _templates.Help.BindObject(_helpData);

    /// <summary>An apology card; with a question it offers a retry button that posts <c>{"action":"retry","question":…}</c>.</summary>
    public JsonObject Error(string? questionToRetry)
    {
        var question = CardText.Plain(questionToRetry, AnswerCardData.MaxQuestion);
        return _templates.Error.BindObject(new JsonObject
        {
            ["message"] = "OracleBot could not answer your question just now. Nothing was lost: try again in a moment.",
            ["hasQuestion"] = question.Length > 0,
            ["question"] = question,
        });
    }

    private static JsonObject WelcomeData() => new()
    {
        ["examples"] = new JsonArray([.. ExampleQuestions.Select(e => (JsonNode)new JsonObject { ["title"] = e.Title, ["question"] = e.Question })]),
        ["disclaimer"] = Disclaimer,
    };

    private static JsonObject HelpData() => new()
    {
        ["commands"] = new JsonArray([.. Commands.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["description"] = c.Description })]),
        ["audiences"] = string.Join(", ", Audiences.All),
        ["disclaimer"] = Disclaimer,
    };

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Answer card trimmed from {OriginalBytes} to {Bytes} bytes (budget {MaxBytes})")]
    private partial void LogTrimmed(int originalBytes, int bytes, int maxBytes);
}
