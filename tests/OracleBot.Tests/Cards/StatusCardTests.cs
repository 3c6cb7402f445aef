using System.Text.Json;
using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;

namespace OracleBot.Tests.Cards;

public sealed class StatusCardTests
{
    private static IEnumerable<JsonObject> OfType(JsonNode card, string type) =>
        CardTemplatesTests.Descendants(card).OfType<JsonObject>()
            .Where(o => o["type"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == type);

    private static string AllText(JsonNode card) => string.Join("\n", OfType(card, "TextBlock").Select(t => t["text"]!.GetValue<string>()));

    [Fact]
    public void Audience_card_offers_every_audience_and_marks_the_current_one()
    {
        var card = CardTestData.Factory().Audience("nurse");

        var buttons = OfType(card, "Action.Submit").ToList();
        Assert.Equal(Audiences.All, buttons.Select(b => b["data"]!["audience"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("audience", b["data"]!["action"]!.GetValue<string>()));
        Assert.Equal("Nurse ✓", buttons.Single(b => b["data"]!["audience"]!.GetValue<string>() == "nurse")["title"]!.GetValue<string>());
        Assert.Contains("**nurse**", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Audience_card_escapes_an_unexpected_current_audience()
    {
        var card = CardTestData.Factory().Audience("[x](https://evil.example) <at>all</at>");

        Assert.Contains("\\[x\\](", AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain(OfType(card, "Action.Submit"), b => b["title"]!.GetValue<string>().Contains('✓', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("like", "Glad it helped")]
    [InlineData("dislike", "Sorry this answer did not help")]
    public void Feedback_thanks_card_answers_the_reaction(string reaction, string expected)
    {
        var card = CardTestData.Factory().FeedbackThanks(reaction);

        Assert.Contains("Thanks for your feedback", AllText(card), StringComparison.Ordinal);
        Assert.Contains(expected, AllText(card), StringComparison.Ordinal);
        Assert.Empty(OfType(card, "Action.Submit"));
    }

    [Fact]
    public void Too_long_card_states_both_lengths()
    {
        var text = AllText(CardTestData.Factory().TooLong(12_345, 2_000));

        Assert.Contains("12,345", text, StringComparison.Ordinal);
        Assert.Contains("2,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Citation_card_shows_passage_source_licence_and_opens_only_safe_urls()
    {
        var factory = CardTestData.Factory();
        var citation = CardTestData.PericarditisReference() with { Year = 2019 };

        var card = factory.Citation(citation);
        var text = AllText(card);
        Assert.Contains(citation.Excerpt, text, StringComparison.Ordinal);
        var facts = OfType(card, "FactSet").Single()["facts"]!.AsArray().Select(f => f!["title"]!.GetValue<string>() + "=" + f["value"]!.GetValue<string>());
        Assert.Equal(["Source=MedQuAD / NHLBI (NIH)", "Year=2019", "Licence=CC BY 4.0"], facts);
        var open = Assert.Single(OfType(card, "Action.OpenUrl"));
        Assert.Equal(citation.Url, open["url"]!.GetValue<string>());

        var unsafeCard = factory.Citation(citation with { Url = "javascript:alert(1)", Title = "" });
        Assert.Empty(OfType(unsafeCard, "Action.OpenUrl"));
        Assert.Contains(citation.DocumentId, AllText(unsafeCard), StringComparison.Ordinal);
    }
}
