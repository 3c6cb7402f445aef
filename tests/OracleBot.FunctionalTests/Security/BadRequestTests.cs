using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OracleBot.FunctionalTests.Security;

/// <summary>Requests that must be refused with a specific status, a problem document and no work at all.</summary>
public sealed class BadRequestTests(SecureBot bot) : IClassFixture<SecureBot>
{
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "truncated", "{\"type\": \"message\", \"text\": \"What causes" },
        { "not an object", "[1, 2, 3]" },
        { "json null", "null" },
        { "bare string", "\"message\"" },
        { "no type", "{\"text\": \"What causes pericarditis?\"}" },
        { "type is a number", "{\"type\": 7}" },
        { "deep nesting", "{\"type\":\"message\",\"value\":" + new string('[', 5_000) + new string(']', 5_000) + "}" },
        { "lone surrogate escape", "{\"type\":\"message\",\"text\":\"\\ud800 causes\"}" },
        { "trailing garbage", "{\"type\":\"message\"} {\"type\":\"message\"}" },
        { "comment", "{\"type\":\"message\" /* hi */}" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_activity_json_is_400_and_no_work(string name, string json)
    {
        var before = bot.Channel.Requests.Count;

        using var response = await bot.PostAsync(json);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{name}: {(int)response.StatusCode}");
        await AssertProblemAsync(response, 400);
        await AssertNoWorkAsync(before);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        var before = bot.Channel.Requests.Count;
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"What causes XX pericarditis?\"}");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        using var response = await SendAsync(new ByteArrayContent(bytes), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertProblemAsync(response, 400);
        await AssertNoWorkAsync(before);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    [InlineData(null)]
    public async Task Wrong_content_type_is_415(string? contentType)
    {
        var before = bot.Channel.Requests.Count;
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"hi\"}"));

        using var response = await SendAsync(content, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNoWorkAsync(before);
    }

    [Fact]
    public async Task Ten_megabyte_body_is_413()
    {
        var before = bot.Channel.Requests.Count;
        var body = new byte[10 * 1024 * 1024];
        Encoding.ASCII.GetBytes("{\"type\":\"message\",\"text\":\"").CopyTo(body, 0);
        Array.Fill(body, (byte)'a', 27, body.Length - 29);
        body[^2] = (byte)'"';
        body[^1] = (byte)'}';

        HttpStatusCode status;
        try
        {
            using var response = await SendAsync(new ByteArrayContent(body), "application/json");
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server may close the connection after answering 413 while the client is still sending.
            status = HttpStatusCode.RequestEntityTooLarge;
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        await AssertNoWorkAsync(before);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("from")]
    [InlineData("serviceUrl")]
    public async Task Message_missing_a_routing_field_is_refused(string field)
    {
        var before = bot.Channel.Requests.Count;
        var node = JsonNode.Parse(OracleBot.Protocol.Schema.ActivityJson.SerializeToUtf8Bytes(bot.Message("What causes pericarditis?")))!.AsObject();
        node.Remove(field);

        using var response = await bot.PostAsync(node.ToJsonString());

        // A missing serviceUrl no longer matches the token's serviceurl claim, so authorisation refuses it first.
        var expected = field == "serviceUrl" ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest;
        Assert.Equal(expected, response.StatusCode);
        await AssertNoWorkAsync(before);
    }

    [Fact]
    public async Task Huge_string_under_the_size_limit_gets_the_too_long_card_without_answering()
    {
        var activity = bot.Message(new string('x', 200 * 1024));
        var answersBefore = bot.Answers.Calls;

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.ReplyAsync(activity.Conversation!.Id!);
        Assert.Contains("too long", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(answersBefore, bot.Answers.Calls);
    }

    [Theory]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    [InlineData("entities")]
    [InlineData("attachments")]
    public async Task Null_items_in_lists_are_ignored_not_a_server_error(string list)
    {
        var node = JsonNode.Parse(OracleBot.Protocol.Schema.ActivityJson.SerializeToUtf8Bytes(bot.Message("What causes pericarditis?")))!.AsObject();
        node[list] = new JsonArray(null, null);
        node["type"] = list.StartsWith("members", StringComparison.Ordinal) ? "conversationUpdate" : "message";

        using var response = await bot.PostAsync(node.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("id", "fz\u0000")]
    [InlineData("replyToId", "1\n2")]
    public async Task Ids_with_control_characters_are_400(string field, string jsonValue)
    {
        var before = bot.Channel.Requests.Count;
        var node = JsonNode.Parse(OracleBot.Protocol.Schema.ActivityJson.SerializeToUtf8Bytes(bot.Message("What causes pericarditis?")))!.AsObject();
        node.Remove(field);
        var json = node.ToJsonString().TrimEnd('}') + $",\"{field}\":\"{jsonValue}\"}}";

        using var response = await bot.PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNoWorkAsync(before);
    }

    [Theory]
    [InlineData(1024, HttpStatusCode.OK)]
    [InlineData(1025, HttpStatusCode.BadRequest)]
    public async Task Ids_are_accepted_up_to_1024_characters(int length, HttpStatusCode expected)
    {
        var before = bot.Channel.Requests.Count;
        var activity = bot.Message("help", conversationId: "a:" + new string('c', length - 2), user: "29:ids-" + length);
        activity.Id = new string('7', length);

        using var response = await bot.PostAsync(activity);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            await bot.ReplyAsync(activity.Conversation!.Id!);
        }
        else
        {
            await AssertProblemAsync(response, 400);
            await AssertNoWorkAsync(before);
        }
    }

    [Theory]
    [InlineData(61, HttpStatusCode.OK)]
    [InlineData(62, HttpStatusCode.OK)]
    [InlineData(63, HttpStatusCode.BadRequest)]
    [InlineData(64, HttpStatusCode.BadRequest)]
    public async Task Json_nesting_is_accepted_up_to_64_levels(int arrays, HttpStatusCode expected)
    {
        // The activity object is one level, each array inside its value one more.
        var node = JsonNode.Parse(OracleBot.Protocol.Schema.ActivityJson.SerializeToUtf8Bytes(bot.Message("help", user: "29:nesting-" + arrays)))!.AsObject();
        node.Remove("value");
        var activity = node.ToJsonString();
        var json = activity[..activity.LastIndexOf('}')] + ",\"value\":" + new string('[', arrays) + new string(']', arrays) + "}";

        using var response = await bot.PostAsync(json);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            await AssertProblemAsync(response, 400);
        }
        else
        {
            await bot.ReplyAsync(node["conversation"]!["id"]!.GetValue<string>());
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContent content, string? contentType)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.Host.MessagesEndpoint) { Content = content };
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.Host.Token());
        return await http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(status, (int)problem["status"]!);
    }

    private async Task AssertNoWorkAsync(int connectorCallsBefore)
    {
        var answers = bot.Answers.Calls;

        // A later valid activity's reply, not a pause: it is the only thing sent since the refused request.
        // From a user of its own, so the probes never reach the per-user rate limit of this shared bot.
        var probe = bot.Message("help", user: "29:probe-" + Guid.NewGuid().ToString("N"));
        using (var accepted = await bot.PostAsync(probe))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await bot.Channel.WaitForActivitiesAsync(r => r.ActivityId == probe.Id && r.Succeeded, 1, TimeSpan.FromSeconds(30));
        Assert.All(bot.Channel.Requests.Skip(connectorCallsBefore), r => Assert.Equal(probe.Id, r.ActivityId));
        Assert.Equal(answers, bot.Answers.Calls);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
