using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards;
using OracleBot.Protocol.Schema;

namespace OracleBot.Tests.Cards;

/// <summary>
/// The whole outgoing answer activity (card, AI entity, channelData, envelope) stays under Teams'
/// recommended 80 KB even for a generated worst case: every text at its limit, in characters the
/// JSON writer escapes to six bytes, twenty citations with the longest URLs accepted.
/// </summary>
public sealed class ActivitySizeTests
{
    private const int TeamsRecommendedBytes = 80_000;

    private static string Worst(int length, int seed) =>
        string.Concat(Enumerable.Range(0, length).Select(i => (char)(0x4E00 + ((i * 7919) + seed) % 2000)));

    private static Answer WorstCase()
    {
        var citations = Enumerable.Range(1, 20).Select(n => new Citation(
            n, "pmid:" + Worst(60, n), "pmid:x#" + n, Worst(400, n), (DocumentKind)(n % 3), Worst(300, n), 2000 + n,
            "https://pubmed.ncbi.nlm.nih.gov/" + new string('9', 2000) + n, Worst(200, n), Worst(2_000, n))).ToList();
        var sections = Enumerable.Range(0, 3).Select(k => new AnswerSection((DocumentKind)k,
            [.. Enumerable.Range(0, 15).Select(i => new Statement(Worst(2_000, i + k), [.. Enumerable.Range(1, 20)]))])).ToList();
        return new Answer("a-" + Worst(100, 1), Worst(3_000, 2), new Statement(Worst(3_000, 3), [.. Enumerable.Range(1, 20)]),
            sections, citations, [Worst(900, 4), Worst(900, 5), Worst(900, 6), Worst(900, 7)], [Worst(900, 8), Worst(900, 9)]);
    }

    private static Activity Reply(JsonObject card, JsonObject entity) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = "28:" + Guid.NewGuid(), Name = "OracleBot" },
        Recipient = new ChannelAccount { Id = "29:" + new string('u', 120), Name = new string('n', 120) },
        Conversation = new ConversationAccount { Id = "19:" + new string('c', 64) + "@thread.tacv2;messageid=1712345678901" },
        ReplyToId = "1712345678901",
        Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
        Entities = [entity],
        ChannelData = new JsonObject { ["feedbackLoopEnabled"] = true },
    };

    [Fact]
    public void Worst_case_answer_activity_stays_under_80_KB()
    {
        var answer = WorstCase();
        var card = CardTestData.Factory().Answer(answer, "physician");
        var entity = TeamsAiEntity.ForAnswer(answer);

        var bytes = ActivityJson.SerializeToUtf8Bytes(Reply(card, entity)).Length;

        Assert.True(bytes < TeamsRecommendedBytes, $"worst-case activity is {bytes} bytes");
        Assert.True(CardSize.EstimateSizeBytes(entity) <= TeamsAiEntity.MaxBytes);
        Assert.Equal(20, entity["citation"]!.AsArray().Count);
        Assert.All(entity["citation"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["appearance"]!["name"]!.GetValue<string>())));
        Assert.Contains("[1]", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Trimmed_answer_still_has_its_bottom_line_and_says_statements_were_left_out()
    {
        var card = CardTestData.Factory().Answer(WorstCase(), "physician");

        // The card's text values in order: the bottom line is the block after its label, cited, and kept
        // (shortened, never dropped) however much else had to go.
        var texts = TextBlocks(card).ToList();
        var label = texts.IndexOf("Bottom line");
        Assert.True(label >= 0 && label + 1 < texts.Count, "no bottom line on the trimmed card");
        var bottomLine = texts[label + 1];
        Assert.StartsWith(Worst(3_000, 3)[..200], bottomLine, StringComparison.Ordinal);
        Assert.Contains("[1]", bottomLine, StringComparison.Ordinal);
        Assert.Contains(texts, t => t.Contains("left out", StringComparison.Ordinal));
    }

    private static IEnumerable<string> TextBlocks(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if ((string?)obj["type"] == "TextBlock" && obj["text"] is JsonValue text)
            {
                yield return text.GetValue<string>();
            }

            foreach (var child in obj.Select(p => p.Value).SelectMany(TextBlocks))
            {
                yield return child;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.SelectMany(TextBlocks))
            {
                yield return child;
            }
        }
    }

    [Fact]
    public void Ordinary_entity_keeps_every_field()
    {
        var entity = TeamsAiEntity.ForAnswer(CardTestData.Pericarditis());

        var appearance = entity["citation"]![0]!["appearance"]!;
        Assert.NotNull(appearance["abstract"]);
        Assert.NotNull(appearance["keywords"]);
        Assert.NotNull(appearance["url"]);
    }
}
