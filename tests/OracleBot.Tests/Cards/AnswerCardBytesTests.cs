using System.Text;
using System.Text.Json.Nodes;
using OracleBot.Cards.Answers;
using OracleBot.Protocol.Schema;

namespace OracleBot.Tests.Cards;

/// <summary>
/// The answer card is bound straight to UTF-8 on the hot path and carried in the reply as those bytes: the wire
/// must see exactly what binding the template to a tree and serialising the reply would have sent.
/// </summary>
public sealed class AnswerCardBytesTests
{
    [Theory]
    [InlineData("nurse")]
    [InlineData("physician")]
    public void Answer_card_bytes_are_the_bound_template_serialised(string audience)
    {
        var answer = CardTestData.Pericarditis();
        var tree = CardTestData.Templates.Answer.BindObject(AnswerCardData.Build(AnswerCardContent.From(answer, audience)));

        var bytes = CardTestData.Factory().AnswerUtf8(answer, audience);

        Assert.Equal(tree.ToJsonString(), Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_reply_carries_the_card_bytes_verbatim()
    {
        var card = CardTestData.Factory().AnswerUtf8(CardTestData.Pericarditis(), "physician");

        var raw = ActivityJson.SerializeToUtf8Bytes(Reply(RawJson.Node(card)));
        var tree = ActivityJson.SerializeToUtf8Bytes(Reply(JsonNode.Parse(card)!));

        Assert.Equal(Encoding.UTF8.GetString(tree), Encoding.UTF8.GetString(raw));
        Assert.Contains("Viral infections", Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trimmed_card_fits_its_budget_in_bytes()
    {
        const int budget = 6_000;
        var answer = CardTestData.Pericarditis();
        var full = CardTestData.Factory().AnswerUtf8(answer, "physician");
        Assert.True(full.Length > budget, $"the test answer's card is only {full.Length} bytes");

        var trimmed = CardTestData.Factory(budget).AnswerUtf8(answer, "physician");

        Assert.True(trimmed.Length <= budget, $"trimmed card is {trimmed.Length} bytes");
        Assert.Contains("left out", Encoding.UTF8.GetString(trimmed), StringComparison.Ordinal);
    }

    private static Activity Reply(JsonNode card) => new()
    {
        Type = ActivityTypes.Message,
        ReplyToId = "1712345678901",
        Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
        ChannelData = new JsonObject { ["feedbackLoopEnabled"] = true },
    };
}
