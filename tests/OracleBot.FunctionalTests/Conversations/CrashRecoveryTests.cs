using System.Net;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>
/// Nothing acknowledged is lost: a real bot process is killed while answering, and the next start answers the
/// message it had acknowledged.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("oraclebot-crash-").FullName;
    private LoopbackChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await LoopbackChannel.StartAsync();

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Message_acknowledged_before_a_crash_is_answered_after_the_restart()
    {
        var conversation = "a:" + Guid.NewGuid().ToString("N");
        var inbound = _channel.CreateMessage("What are the symptoms of hemochromatosis?", "00000000-0000-0000-0000-000000000000", conversation);

        await using (var doomed = await StartBotAsync(answerDelay: "00:05:00"))
        {
            using var ack = await _channel.PostActivityAsync(doomed.MessagesEndpoint, inbound, token: null);
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

            // The progress update proves the bot is mid-answer when it dies.
            await _channel.WaitForActivitiesAsync(r => r.ConversationId == conversation && r.Activity?.Type == ActivityTypes.Typing, 1,
                TimeSpan.FromSeconds(20));
        }

        Assert.DoesNotContain(_channel.Requests, r => r.ConversationId == conversation && r.Activity?.Type == ActivityTypes.Message);

        await using var restarted = await StartBotAsync(answerDelay: "00:00:00");
        var answers = await _channel.WaitForActivitiesAsync(
            r => r.ConversationId == conversation && r.Activity?.Type == ActivityTypes.Message, 1, TimeSpan.FromSeconds(30));

        Assert.Equal(inbound.Id, answers[0].ActivityId);
        Assert.Contains("hemochromatosis", answers[0].Body, StringComparison.OrdinalIgnoreCase);

        // A redelivery of the now answered activity is dropped. The proof is a later message, the same question
        // as a new activity in the same conversation: it is answered, and it is the only answer sent since.
        using var redelivery = await _channel.PostActivityAsync(restarted.MessagesEndpoint, inbound, token: null);
        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        var later = _channel.CreateMessage(inbound.Text!, "00000000-0000-0000-0000-000000000000", conversation);
        using var accepted = await _channel.PostActivityAsync(restarted.MessagesEndpoint, later, token: null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await _channel.WaitForActivitiesAsync(
            r => r.ConversationId == conversation && r.ActivityId == later.Id && r.Activity?.Type == ActivityTypes.Message, 1, TimeSpan.FromSeconds(30));
        Assert.Equal(
            [inbound.Id, later.Id],
            _channel.Requests.Where(r => r.ConversationId == conversation && r.Activity?.Type == ActivityTypes.Message).Select(r => r.ActivityId));
    }

    private Task<BotProcess> StartBotAsync(string answerDelay) => BotProcess.StartAsync(new Dictionary<string, string>
    {
        ["Conversations:DataDirectory"] = _dataDirectory,
        ["Conversations:InboxLease"] = "00:00:02",
        ["Turns:SimulatedAnswerDelay"] = answerDelay,
    });
}
