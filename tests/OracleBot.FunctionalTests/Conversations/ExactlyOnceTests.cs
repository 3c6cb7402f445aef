using System.Net;
using OracleBot.FunctionalTests.Bot;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>Two bot instances sharing one real Redis: Teams' redeliveries, spread over both, are answered once.</summary>
public sealed class ExactlyOnceTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly string _prefix = "once:" + Guid.NewGuid().ToString("N")[..8] + ":";
    private SignedBotHost _first = null!;
    private SignedBotHost _second = null!;

    public async Task InitializeAsync()
    {
        _first = new SignedBotHost { Settings = RedisSettings() };
        _second = new SignedBotHost { Settings = RedisSettings() };
        await Task.WhenAll(_first.InitializeAsync(), _second.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Same_activity_posted_concurrently_to_two_instances_is_answered_exactly_once()
    {
        // The activity comes from the first host's channel; the second host sees a token for the same serviceUrl.
        var channel = _first.Channel;
        var conversations = Enumerable.Range(0, 6).Select(_ => "a:" + Guid.NewGuid().ToString("N")).ToList();
        var activities = conversations.Select(c => channel.CreateMessage("What are the treatments for gout?", SignedBotHost.AppId, c)).ToList();
        var secondToken = _second.Channel.CreateToken(SignedBotHost.AppId, serviceUrl: channel.ServiceUrl);

        var deliveries = activities.SelectMany(activity => new[]
        {
            channel.PostActivityAsync(_first.MessagesEndpoint, activity, _first.Token()),
            _second.Channel.PostActivityAsync(_second.MessagesEndpoint, activity, secondToken),
            channel.PostActivityAsync(_first.MessagesEndpoint, activity, _first.Token()),
            _second.Channel.PostActivityAsync(_second.MessagesEndpoint, activity, secondToken),
        });
        var responses = await Task.WhenAll(deliveries);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await channel.WaitForActivitiesAsync(r => conversations.Contains(r.ConversationId!) && r.Activity?.Type == ActivityTypes.Message,
            conversations.Count, TimeSpan.FromSeconds(30));
        await Task.WhenAll(_first.WaitUntilIdleAsync(), _second.WaitUntilIdleAsync());
        foreach (var (conversation, activity) in conversations.Zip(activities))
        {
            var answer = Assert.Single(channel.Requests, r => r.ConversationId == conversation && r.Activity?.Type == ActivityTypes.Message);
            Assert.Equal(activity.Id, answer.ActivityId);
        }
    }

    private Dictionary<string, string?> RedisSettings() => new()
    {
        ["Conversations:Store"] = "Redis",
        ["Conversations:Redis"] = redis.Configuration,
        ["Conversations:RedisKeyPrefix"] = _prefix,
    };
}
