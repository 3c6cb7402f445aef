using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Conversations;
using OracleBot.FunctionalTests.Bot;
using OracleBot.FunctionalTests.Conversations;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Security;

/// <summary>
/// The connector and the token endpoint failing, over real HTTP: the answer arrives exactly once when the fault
/// clears within the delivery window, or the turn is kept with its activity and one replay delivers it once.
/// Never two cards for one question.
/// </summary>
public sealed class DeliveryFaultTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Question = "What causes pericarditis?";

    [Fact]
    public async Task Connector_refusing_connections_until_it_comes_up_gets_the_answer_exactly_once()
    {
        var port = FreePort.Next();
        var serviceUrl = ServiceUrlOn(port);
        await using var bot = await StartBotAsync(serviceUrl, new() { ["Bot:Connector:DeliveryWindow"] = "00:01:00" });

        var question = await AskAsync(bot, serviceUrl);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await using var connector = await LoopbackChannel.StartAsync(port: port);

        var reply = await WaitForAnswerAsync(connector, question, TimeSpan.FromSeconds(60));
        Assert.Equal(question.Id, reply.ActivityId);
        await bot.Host.WaitUntilIdleAsync();
        Assert.Single(MessagesIn(connector, question));
        Assert.Empty(await Store(bot).ListFailedAsync(default));
        Assert.Equal(1, bot.Answers.Calls);
    }

    [Fact]
    public async Task Connector_that_hangs_gets_one_post_and_the_turn_is_kept_as_possibly_delivered()
    {
        await using var bot = await StartBotAsync(null, new() { ["Bot:Connector:AttemptTimeout"] = "00:00:02" });
        bot.Channel.EnqueueResponse(new ScriptedResponse(HttpStatusCode.Created, Delay: TimeSpan.FromSeconds(60)));

        var question = await AskAsync(bot, bot.Channel.ServiceUrl);

        var failed = Assert.Single(await WaitForFailedAsync(bot, TimeSpan.FromSeconds(30)));
        Assert.Equal(new ActivityKey(question.Conversation!.Id!, question.Id!), failed.Key);
        Assert.True(failed.MayHaveBeenDelivered);
        Assert.Equal("connector timed out after sending", failed.Reason);

        // A replay of everything leaves a turn that may have been answered alone; no retry followed either.
        var replay = await ReplayAsync(bot, null, "all");
        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains("0 failed turns queued", replay.Output, StringComparison.Ordinal);
        Assert.Contains("1 skipped", replay.Output, StringComparison.Ordinal);
        var unknown = await ReplayAsync(bot, null, "everything");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("usage: oraclebot replay", unknown.Error, StringComparison.Ordinal);

        // Still a failed turn once the replays have exited, so nothing put it back in the inbox; and the bot
        // holds no activity, so no retry is pending either.
        Assert.Single(await Store(bot).ListFailedAsync(default));
        await bot.Host.WaitUntilIdleAsync();
        Assert.Single(MessagesIn(bot.Channel, question));
    }

    [Theory]
    [InlineData("connection refused", ConversationStoreKind.Sqlite)]
    [InlineData("503", ConversationStoreKind.Redis)]
    public async Task Connector_down_beyond_the_window_keeps_the_turn_and_replaying_delivers_it_once(string fault, ConversationStoreKind storeKind)
    {
        var port = FreePort.Next();
        var storeSettings = storeKind == ConversationStoreKind.Redis
            ? new Dictionary<string, string?>
            {
                ["Conversations:Store"] = "Redis",
                ["Conversations:Redis"] = redis.Configuration,
                ["Conversations:RedisKeyPrefix"] = "faults-" + Guid.NewGuid().ToString("N")[..8] + ":",
            }
            : [];
        var refused = fault == "connection refused";
        await using var bot = await StartBotAsync(refused ? ServiceUrlOn(port) : null, new(storeSettings) { ["Bot:Connector:DeliveryWindow"] = "00:00:03" });
        var serviceUrl = refused ? ServiceUrlOn(port) : bot.Channel.ServiceUrl;
        bot.Channel.Outage = refused ? null : HttpStatusCode.ServiceUnavailable;
        var posted = DateTimeOffset.UtcNow;

        var question = await AskAsync(bot, serviceUrl);

        var failed = Assert.Single(await WaitForFailedAsync(bot, TimeSpan.FromSeconds(60)));
        Assert.Equal(new ActivityKey(question.Conversation!.Id!, question.Id!), failed.Key);
        Assert.False(failed.MayHaveBeenDelivered);
        Assert.Contains(refused ? "ConnectionRefused" : "503", failed.Reason, StringComparison.Ordinal);
        Assert.InRange(failed.FailedAt, posted.AddSeconds(3), DateTimeOffset.UtcNow);
        var kept = ActivityJson.Deserialize(failed.ActivityJson.Span)!;
        Assert.Equal((question.Id, Question, serviceUrl), (kept.Id, kept.Text, kept.ServiceUrl));
        if (!refused)
        {
            var attempts = MessagesIn(bot.Channel, question);
            Assert.True(attempts.Count >= 3, $"{attempts.Count} attempts in the window");
            Assert.DoesNotContain(attempts, a => a.Succeeded);
        }

        // The connector is back; the operator lists the failures, then replays everything, twice, and by name.
        await using var connector = refused ? await LoopbackChannel.StartAsync(port: port) : null;
        bot.Channel.Outage = null;
        var target = connector ?? bot.Channel;
        var list = await ReplayAsync(bot, storeSettings, "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains($"{question.Conversation.Id}\t{question.Id}\tmessage\tnot delivered\t{failed.Reason}", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, list.Output + list.Error, StringComparison.Ordinal);

        var first = await ReplayAsync(bot, storeSettings, "all");
        var again = await ReplayAsync(bot, storeSettings, "all");
        var byName = await ReplayAsync(bot, storeSettings, question.Conversation.Id!, question.Id!);
        Assert.Contains("1 failed turns queued", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 failed turns queued", again.Output, StringComparison.Ordinal);
        Assert.True(byName.ExitCode == 1, byName.ToString());

        var reply = await WaitForAnswerAsync(target, question, TimeSpan.FromSeconds(30));
        Assert.Contains("pericarditis", reply.Body, StringComparison.OrdinalIgnoreCase);

        // The replayed turn is over once the bot holds nothing and the failure list is empty: one answer.
        await bot.Host.WaitUntilIdleAsync();
        Assert.Empty(await Store(bot).ListFailedAsync(default));
        Assert.Single(MessagesIn(target, question), r => r.Succeeded);
        Assert.Equal(2, bot.Answers.Calls);
    }

    [Fact]
    public async Task Token_endpoint_failing_then_recovering_delays_the_answer_and_later_questions_are_answered()
    {
        await using var bot = await StartBotAsync(null, new() { ["Bot:Connector:DeliveryWindow"] = "00:01:00" });
        bot.Host.Authority.FailNextTokenRequests(12, HttpStatusCode.ServiceUnavailable);

        var first = await AskAsync(bot, bot.Channel.ServiceUrl);
        var firstReply = await WaitForAnswerAsync(bot.Channel, first, TimeSpan.FromSeconds(60));

        Assert.Equal(12, bot.Host.Authority.TokensRefused);
        Assert.StartsWith("Bearer loopback-bot-token-", firstReply.Authorization, StringComparison.Ordinal);
        var second = await AskAsync(bot, bot.Channel.ServiceUrl);
        await WaitForAnswerAsync(bot.Channel, second, TimeSpan.FromSeconds(30));
        await bot.Host.WaitUntilIdleAsync();
        Assert.Single(MessagesIn(bot.Channel, first));
        Assert.Single(MessagesIn(bot.Channel, second));
        Assert.Equal(1, bot.Host.Authority.TokensIssued);
        Assert.Empty(await Store(bot).ListFailedAsync(default));
    }

    private static string ServiceUrlOn(int port) => $"http://127.0.0.1:{port}/teams/";

    /// <summary>
    /// A production bot with fast retries. Progress waits 10 s, so the fast embedded answer goes out without a
    /// typing indicator and every connector call of a turn is its answer.
    /// </summary>
    private static Task<SecureBot> StartBotAsync(string? extraServiceUrl, Dictionary<string, string?> settings)
    {
        settings["Bot:Connector:RetryBaseDelay"] = "00:00:00.200";
        settings["Bot:Connector:RetryMaxDelay"] = "00:00:01";
        settings["Turns:ProgressDelay"] = "00:00:10";
        settings["Conversations:InboxLease"] = "00:00:03";
        if (extraServiceUrl is not null)
        {
            settings["Bot:AllowedServiceUrls:0"] = extraServiceUrl;
        }

        return SecureBot.StartAsync(new SecureBot(settings));
    }

    private static async Task<Activity> AskAsync(SecureBot bot, string serviceUrl)
    {
        var activity = bot.Message(Question);
        activity.ServiceUrl = serviceUrl;
        using var response = await bot.Channel.PostActivityAsync(
            bot.Host.MessagesEndpoint, activity, bot.Channel.CreateToken(SignedBotHost.AppId, serviceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return activity;
    }

    private static IConversationStore Store(SecureBot bot) => bot.Host.Services.GetRequiredService<IConversationStore>();

    private static List<CapturedConnectorRequest> MessagesIn(LoopbackChannel connector, Activity question) =>
        [.. connector.Requests.Where(r => r.ConversationId == question.Conversation!.Id && r.Activity?.Type == ActivityTypes.Message)];

    private static async Task<CapturedConnectorRequest> WaitForAnswerAsync(LoopbackChannel connector, Activity question, TimeSpan timeout) =>
        (await connector.WaitForActivitiesAsync(
            r => r.ConversationId == question.Conversation!.Id && r.Activity?.Type == ActivityTypes.Message && r.Succeeded, 1, timeout))[0];

    private static async Task<IReadOnlyList<FailedTurn>> WaitForFailedAsync(SecureBot bot, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var failed = await Store(bot).ListFailedAsync(default);
            if (failed.Count > 0 || DateTime.UtcNow > deadline)
            {
                return failed;
            }

            await Task.Delay(200);
        }
    }

    /// <summary><c>oraclebot replay …</c> as its own process, against the store the running bot uses.</summary>
    private static Task<BotCommand.Result> ReplayAsync(SecureBot bot, IReadOnlyDictionary<string, string?>? storeSettings, params string[] arguments)
    {
        var settings = new Dictionary<string, string> { ["Conversations:DataDirectory"] = bot.DataDirectory };
        foreach (var (key, value) in storeSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value!;
        }

        return BotCommand.RunAsync(settings, ["replay", .. arguments]);
    }
}
