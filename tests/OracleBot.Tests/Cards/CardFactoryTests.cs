using System.Text.Json;
using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards;
using OracleBot.Cards.Answers;

namespace OracleBot.Tests.Cards;

public sealed class CardFactoryTests
{
    private static IEnumerable<JsonObject> Objects(JsonNode card) => CardTemplatesTests.Descendants(card).OfType<JsonObject>();

    private static IEnumerable<JsonObject> OfType(JsonNode card, string type) =>
        Objects(card).Where(o => o["type"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == type);

    private static string AllText(JsonNode card) => string.Join("\n", OfType(card, "TextBlock").Select(t => t["text"]!.GetValue<string>()));

    [Fact]
    public void Answer_card_has_version_question_bottom_line_sections_and_markers()
    {
        var card = CardTestData.Factory().Answer(CardTestData.Pericarditis(), "nurse");

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("Full", card["msteams"]!["width"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(card["speak"]!.GetValue<string>()));
        var text = AllText(card);
        Assert.Contains("You asked: What causes pericarditis?", text, StringComparison.Ordinal);
        Assert.Contains("nurse", text, StringComparison.Ordinal);
        Assert.Contains("From Reference Sources", text, StringComparison.Ordinal);
        Assert.Contains("From the Research", text, StringComparison.Ordinal);
        Assert.DoesNotContain("From the Guidelines", text, StringComparison.Ordinal);
        Assert.Contains("certain medicines. [1][2]", text, StringComparison.Ordinal);
        Assert.Contains("No guideline in the knowledge base addresses this question.", text, StringComparison.Ordinal);
        Assert.Contains("AI-generated", text, StringComparison.Ordinal);
        Assert.Contains("not give medical advice", text, StringComparison.Ordinal);
        var bottomLine = OfType(card, "TextBlock").First(t => t["text"]!.GetValue<string>().StartsWith("Viral infections", StringComparison.Ordinal));
        Assert.Equal("Bolder", bottomLine["weight"]!.GetValue<string>());
        Assert.EndsWith("[1]", bottomLine["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("${", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_card_lists_references_that_open_the_citation_urls()
    {
        var answer = CardTestData.Pericarditis();
        var card = CardTestData.Factory().Answer(answer, "physician");

        var urls = OfType(card, "Action.OpenUrl").Select(a => a["url"]!.GetValue<string>()).ToList();
        Assert.Equal(answer.Citations.Select(c => c.Url), urls);
        var text = AllText(card);
        Assert.Contains("Pericarditis (NHLBI)", text, StringComparison.Ordinal);
        Assert.Contains("2001 · PubMed", text, StringComparison.Ordinal);
        Assert.Contains("Reference", text, StringComparison.Ordinal);
        Assert.Contains("Research", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Follow_up_and_feedback_buttons_are_plain_submit_actions()
    {
        var answer = CardTestData.Pericarditis();
        var card = CardTestData.Factory().Answer(answer, "physician");
        var submits = OfType(card, "Action.Submit").ToList();

        var followUps = submits.Where(s => s["data"]!["action"]!.GetValue<string>() == "followUp").ToList();
        Assert.Equal(answer.FollowUps, followUps.Select(f => f["data"]!["question"]!.GetValue<string>()));
        Assert.Equal(answer.FollowUps, followUps.Select(f => f["title"]!.GetValue<string>()));

        var feedback = submits.Where(s => s["data"]!["action"]!.GetValue<string>() == "feedback").ToList();
        Assert.Equal(["like", "dislike"], feedback.Select(f => f["data"]!["reaction"]!.GetValue<string>()));
        Assert.All(feedback, f => Assert.Equal(answer.AnswerId, f["data"]!["answerId"]!.GetValue<string>()));
        Assert.All(submits, s => Assert.Null(s["data"]!["msteams"]));
    }

    [Fact]
    public void Empty_answer_says_so_and_has_no_reference_or_follow_up_sections()
    {
        var answer = new Answer("a-empty", "What is the airspeed of an unladen swallow?", null, [], [], [],
            ["No document in the knowledge base addresses this question."]);
        var card = CardTestData.Factory().Answer(answer, "physician");

        var text = AllText(card);
        Assert.Contains("found nothing in its knowledge base", text, StringComparison.Ordinal);
        Assert.DoesNotContain("References", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Related questions", text, StringComparison.Ordinal);
        Assert.Empty(OfType(card, "Action.OpenUrl"));
        Assert.Equal(2, OfType(card, "Action.Submit").Count());
    }

    [Fact]
    public void Hostile_text_is_neutralised_and_unsafe_urls_are_dropped()
    {
        const string hostile = "# Heading **bold** [x](http://evil) <at>admin</at> \"quote\" back\\slash }\n- list";
        var answer = new Answer(
            "a-\"hostile\\",
            hostile,
            new Statement(hostile, [1]),
            [new AnswerSection(DocumentKind.Guideline, [new Statement(hostile, [1, 2])])],
            [
                CardTestData.PericarditisReference() with { Title = hostile, Source = hostile, Url = "javascript:alert(1)" },
                CardTestData.PericarditisReference(2) with { Url = "https://ok.example/a" },
            ],
            [hostile],
            [hostile]);

        var card = CardTestData.Factory().Answer(answer, "<at>x</at>");
        var json = card.ToJsonString();
        var roundTrip = JsonNode.Parse(json)!;
        Assert.True(JsonNode.DeepEquals(card, roundTrip));

        foreach (var block in OfType(card, "TextBlock"))
        {
            var text = block["text"]!.GetValue<string>();
            Assert.DoesNotContain("<at>", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"(?<!\\)\]\(", text);
            Assert.DoesNotContain("://", text, StringComparison.Ordinal);
            Assert.False(text.StartsWith('#'), text);
            Assert.DoesNotContain('\n', text);
            Assert.DoesNotMatch(@"(?<!\\)\*\*", text);
        }

        var urls = OfType(card, "Action.OpenUrl").Select(a => a["url"]!.GetValue<string>()).ToList();
        Assert.Equal(["https://ok.example/a"], urls);
        Assert.DoesNotContain("javascript", json, StringComparison.OrdinalIgnoreCase);

        // The follow-up question travels back verbatim (as one line) in submit data; only its display is escaped.
        var followUp = OfType(card, "Action.Submit").First(s => s["data"]!["action"]!.GetValue<string>() == "followUp");
        Assert.StartsWith("# Heading **bold**", followUp["data"]!["question"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(answer.AnswerId, OfType(card, "Action.Submit").Last()["data"]!["answerId"]!.GetValue<string>());
    }

    [Fact]
    public void Worst_case_answer_is_trimmed_under_the_size_budget()
    {
        var huge = string.Concat(Enumerable.Repeat("Élevated troponin «with» unicode 😀 and *stars* ", 400));
        var citations = Enumerable.Range(1, 20)
            .Select(n => CardTestData.PericarditisReference(n) with
            {
                Title = huge,
                Source = huge,
                Url = "https://example.org/" + new string('a', 1900),
                Excerpt = huge,
            })
            .ToList();
        var sections = Enum.GetValues<DocumentKind>()
            .Select(kind => new AnswerSection(kind, [.. Enumerable.Range(1, 30).Select(i => new Statement(huge, [(i % 20) + 1, ((i + 7) % 20) + 1]))]))
            .ToList();
        var answer = new Answer("a-big", huge, new Statement(huge, [1]), sections, citations, [huge, huge, huge, huge], [huge, huge]);

        var card = CardTestData.Factory().Answer(answer, "physician");

        var size = CardSize.EstimateSizeBytes(card);
        Assert.InRange(size, 1, 60_000);
        Assert.Equal(size, JsonSerializer.SerializeToUtf8Bytes(card).Length);
        Assert.NotEmpty(OfType(card, "Action.OpenUrl"));
        Assert.Contains("From the Guidelines", AllText(card), StringComparison.Ordinal);
        Assert.True(OfType(card, "Action.Submit").Count(s => s["data"]!["action"]!.GetValue<string>() == "followUp") <= 3);
    }

    [Fact]
    public void Welcome_help_and_error_cards_carry_their_actions()
    {
        var factory = CardTestData.Factory();

        var welcome = factory.Welcome();
        Assert.Contains(OfType(welcome, "Action.Submit"), s => s["data"]!["action"]!.GetValue<string>() == "followUp");
        Assert.Contains("not give medical advice", AllText(welcome), StringComparison.Ordinal);

        var help = factory.Help();
        var commands = Objects(help).Where(o => o.ContainsKey("title") && o.ContainsKey("value")).Select(o => o["title"]!.GetValue<string>());
        Assert.Equal(["help", "new topic", "audience", "about"], commands);

        var retry = factory.Error("What causes pericarditis?");
        var action = Assert.Single(OfType(retry, "Action.Submit"));
        Assert.Equal("retry", action["data"]!["action"]!.GetValue<string>());
        Assert.Equal("What causes pericarditis?", action["data"]!["question"]!.GetValue<string>());

        Assert.Empty(OfType(factory.Error(null), "Action.Submit"));
    }

    [Theory]
    [InlineData("welcome")]
    [InlineData("help")]
    [InlineData("error")]
    [InlineData("audience")]
    [InlineData("feedback-thanks")]
    [InlineData("too-long")]
    [InlineData("citation")]
    public void Sample_data_files_show_what_the_bot_really_sends(string name)
    {
        var factory = CardTestData.Factory();
        var sent = name switch
        {
            "welcome" => factory.Welcome(),
            "help" => factory.Help(),
            "audience" => factory.Audience("physician"),
            "feedback-thanks" => factory.FeedbackThanks("dislike"),
            "too-long" => factory.TooLong(2_140, 2_000),
            "citation" => factory.Citation(CardTestData.PericarditisReference()),
            _ => factory.Error("What causes pericarditis?"),
        };
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(CardTestData.TemplatesDirectory, name + ".data.json")));
        var sample = name switch
        {
            "welcome" => CardTestData.Templates.Welcome,
            "help" => CardTestData.Templates.Help,
            "audience" => CardTestData.Templates.Audience,
            "feedback-thanks" => CardTestData.Templates.FeedbackThanks,
            "too-long" => CardTestData.Templates.TooLong,
            "citation" => CardTestData.Templates.Citation,
            _ => CardTestData.Templates.Error,
        };
        Assert.True(JsonNode.DeepEquals(sent, sample.BindObject(data)), $"cards/{name}.data.json is out of date");
    }

    [Fact]
    public void Answer_sample_data_has_the_shape_the_factory_builds()
    {
        var answer = new Answer(
            "a-2f9c1e7b",
            "What causes pericarditis?",
            new Statement("Viral infections are likely a common cause of pericarditis, although the virus may never be found.", [1]),
            [
                new AnswerSection(DocumentKind.Reference,
                [
                    new Statement("Pericarditis is a condition in which the membrane, or sac, around the heart is inflamed.", [1]),
                    new Statement("Bacterial, fungal, and other infections also can cause pericarditis.", [1]),
                    new Statement("Other possible causes include heart attack or heart surgery, other medical conditions, injuries, and certain medicines.", [1]),
                ]),
            ],
            [CardTestData.PericarditisReference()],
            ["How is pericarditis treated?", "What are the symptoms of pericarditis?"],
            ["No guideline in the knowledge base addresses this question."]);

        var built = AnswerCardData.Build(AnswerCardContent.From(answer, "physician"));
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(CardTestData.TemplatesDirectory, "answer.data.json")));

        Assert.True(JsonNode.DeepEquals(built, sample), $"cards/answer.data.json is out of date; built: {built.ToJsonString()}");
    }
}
