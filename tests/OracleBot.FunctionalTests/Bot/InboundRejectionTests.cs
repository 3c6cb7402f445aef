using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OracleBot.FunctionalTests.Bot;

/// <summary>Requests the bot must refuse, each with a specific status and a problem document, and no work done.</summary>
public sealed class InboundRejectionTests(SignedBotHost host) : IClassFixture<SignedBotHost>
{
    [Fact]
    public async Task Malformed_json_is_400_with_a_problem_document()
    {
        var before = host.Channel.Requests.Count;
        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, "{\"type\": \"message\", ", host.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        await AssertNothingSentSinceAsync(before, conversationId: null);
    }

    [Fact]
    public async Task Oversize_body_is_413()
    {
        var before = host.Channel.Requests.Count;
        var activity = host.Channel.CreateMessage(new string('a', 300 * 1024), SignedBotHost.AppId, NewConversation());

        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, activity, host.Token());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingSentSinceAsync(before, activity.Conversation!.Id);
    }

    [Fact]
    public async Task Chunked_oversize_body_without_length_is_413()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.MessagesEndpoint)
        {
            Content = new PushStreamContentWithoutLength(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('b', 400 * 1024) + "\"}")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Token());

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Forged_token_is_401_and_nothing_is_sent()
    {
        var before = host.Channel.Requests.Count;
        var activity = host.Channel.CreateMessage("What causes pericarditis?", SignedBotHost.AppId, NewConversation());
        var forger = host.Channel.AddSigningKey("forger-key");
        host.Channel.RemoveSigningKey(forger);
        var forged = host.Channel.CreateToken(SignedBotHost.AppId, signWith: forger);

        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, activity, forged);
        using var missing = await host.Channel.PostActivityAsync(host.MessagesEndpoint, activity, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        await AssertNothingSentSinceAsync(before, activity.Conversation!.Id);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.MessagesEndpoint)
        {
            Content = new StringContent("type=message", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Token());

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Message_without_conversation_is_400()
    {
        var activity = host.Channel.CreateMessage("What causes pericarditis?", SignedBotHost.AppId);
        activity.Conversation = null;

        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, activity, host.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation.id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A positive signal instead of a pause: a valid message in the same conversation is answered, the bot then
    /// holds nothing (so a refused request admitted by mistake would have finished too), and that answer is all
    /// that was sent since the refused request.
    /// </summary>
    private async Task AssertNothingSentSinceAsync(int connectorCallsBefore, string? conversationId)
    {
        var probe = host.Channel.CreateMessage("help", SignedBotHost.AppId, conversationId ?? NewConversation());
        using (var accepted = await host.Channel.PostActivityAsync(host.MessagesEndpoint, probe, host.Token()))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await host.Channel.WaitForActivitiesAsync(r => r.ActivityId == probe.Id && r.Succeeded, 1, TimeSpan.FromSeconds(30));
        await host.WaitUntilIdleAsync(probe.Conversation!.Id);
        Assert.All(host.Channel.Requests.Skip(connectorCallsBefore), r => Assert.Equal(probe.Id, r.ActivityId));
    }

    // The host keeps its store between runs and the channel numbers activities from 1001 each run, so an activity in
    // a reused conversation could be dropped as a redelivery of an earlier run's: each test speaks in a new one.
    private static string NewConversation() => "a:" + Guid.NewGuid().ToString("N");

    /// <summary>Sends its bytes chunked, with no Content-Length, as a streaming client would.</summary>
    private sealed class PushStreamContentWithoutLength : HttpContent
    {
        private readonly byte[] _bytes;

        public PushStreamContentWithoutLength(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
