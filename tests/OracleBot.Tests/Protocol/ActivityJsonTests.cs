using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OracleBot.Protocol.Schema;

namespace OracleBot.Tests.Protocol;

public sealed class ActivityJsonTests
{
    private const string TeamsMessage = """
        {"type":"message","id":"1712345678901","timestamp":"2025-01-01T10:00:00.123Z","channelId":"msteams",
         "serviceUrl":"https://smba.trafficmanager.net/amer/",
         "from":{"id":"29:abc","name":"Ana","aadObjectId":"00000000-0000-0000-0000-000000000001","userRole":"user"},
         "recipient":{"id":"28:bot","name":"OracleBot"},
         "conversation":{"id":"19:x@thread.tacv2;messageid=1","conversationType":"channel","tenantId":"t1","isGroup":true},
         "text":"<at>OracleBot</at> hello","textFormat":"plain","locale":"en-US",
         "attachments":[{"contentType":"text/html","content":"<div>hello</div>","futureAttachmentField":1}],
         "entities":[{"type":"clientInfo","locale":"en-US","platform":"Web","timezone":"Europe/Madrid"}],
         "channelData":{"tenant":{"id":"t1"},"team":{"id":"19:team"},"channel":{"id":"19:x@thread.tacv2"}},
         "unknownTopLevel":{"nested":[1,2,3]},"anotherUnknown":"kept"}
        """;

    [Fact]
    public void Teams_activity_round_trips_with_unknown_fields()
    {
        var activity = ActivityJson.Deserialize(Encoding.UTF8.GetBytes(TeamsMessage))!;

        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.True(activity.ExtensionData!.ContainsKey("unknownTopLevel"));

        var written = JsonNode.Parse(ActivityJson.SerializeToUtf8Bytes(activity))!;
        var original = JsonNode.Parse(TeamsMessage)!;
        Assert.True(JsonNode.DeepEquals(Normalize(original), Normalize(written)), written.ToJsonString());
    }

    [Fact]
    public void Writes_camel_case_and_omits_nulls()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ReplyToId = "1",
            Conversation = new ConversationAccount { Id = "a:1" },
            Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = new JsonObject { ["type"] = "AdaptiveCard" } }],
        };

        var json = Encoding.UTF8.GetString(ActivityJson.SerializeToUtf8Bytes(activity));

        Assert.Equal(
            """{"type":"message","conversation":{"id":"a:1"},"replyToId":"1","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard"}}]}""",
            json);
    }

    [Fact]
    public void Options_read_case_insensitively_and_share_source_generated_metadata()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"Type":"typing","SERVICEURL":"https://x/"}""", ActivityJson.Options)!;

        Assert.Equal("typing", activity.Type);
        Assert.Equal("https://x/", activity.ServiceUrl);
        Assert.Same(ActivityJson.ActivityTypeInfo, ActivityJson.Options.GetTypeInfo(typeof(Activity)));
    }

    [Fact]
    public void Resource_response_reads_id()
    {
        Assert.Equal("42", JsonSerializer.Deserialize("""{"id":"42"}""", ActivityJson.ResourceResponseTypeInfo)!.Id);
    }

    // Timestamps are re-emitted with an explicit offset; compare them as instants, everything else verbatim.
    private static JsonNode Normalize(JsonNode node)
    {
        var copy = node.DeepClone();
        var timestamp = DateTimeOffset.Parse(copy["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        copy["timestamp"] = timestamp.UtcTicks;
        return copy;
    }
}
