using Microsoft.Extensions.DependencyInjection;
using OracleBot.Conversations;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.FunctionalTests.Security;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>
/// An accepted activity no instance finishes is taken over at most <c>Conversations:MaxAttempts</c> times, then
/// kept as a failure whose reply may have gone out; only <c>replay all --include-uncertain</c> answers it again.
/// </summary>
public sealed class AbandonedActivityTests
{
    private const string Question = "What are the symptoms of hemochromatosis?";

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public async Task An_activity_left_by_a_dead_instance_is_taken_over_until_max_attempts(int maxAttempts, bool answered)
    {
        await using var bot = await StartAsync(maxAttempts);
        var activity = await AcceptedByADeadInstanceAsync(bot);

        if (answered)
        {
            await ReplyAsync(bot, activity);
            Assert.Empty(await Store(bot).ListFailedAsync(default));
            return;
        }

        var failed = Assert.Single(await WaitForFailedAsync(bot));
        Assert.Equal(activity.Id, failed.Key.ActivityId);
        Assert.True(failed.MayHaveBeenDelivered);
        Assert.Equal("abandoned after 1 attempts", failed.Reason);
        Assert.DoesNotContain(bot.Channel.Requests, r => r.ConversationId == activity.Conversation!.Id);
    }

    [Fact]
    public async Task Replay_all_leaves_an_abandoned_activity_alone_unless_told_to_include_uncertain_ones()
    {
        await using var bot = await StartAsync(maxAttempts: 1);
        var activity = await AcceptedByADeadInstanceAsync(bot);
        Assert.Single(await WaitForFailedAsync(bot));

        var plain = await ReplayAsync(bot, "all");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("0 failed turns queued", plain.Output, StringComparison.Ordinal);
        Assert.Contains("1 skipped", plain.Output, StringComparison.Ordinal);
        Assert.Single(await Store(bot).ListFailedAsync(default));

        var uncertain = await ReplayAsync(bot, "all", "--include-uncertain");
        Assert.True(uncertain.ExitCode == 0, uncertain.ToString());
        Assert.Contains("1 failed turns queued", uncertain.Output, StringComparison.Ordinal);

        var reply = await ReplyAsync(bot, activity);
        Assert.Contains("hemochromatosis", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Store(bot).ListFailedAsync(default));
    }

    private static Task<SecureBot> StartAsync(int maxAttempts) => SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
    {
        ["Conversations:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Conversations:InboxLease"] = "00:00:01",
    }));

    /// <summary>Records the activity in the inbox as an instance does when it accepts one, and answers nothing.</summary>
    private static async Task<Activity> AcceptedByADeadInstanceAsync(SecureBot bot)
    {
        var activity = bot.Message(Question);
        var key = new ActivityKey(activity.Conversation!.Id!, activity.Id!);
        Assert.True(await Store(bot).TryAcceptAsync(key, ActivityJson.SerializeToUtf8Bytes(activity), default));
        return activity;
    }

    private static async Task<OracleBot.TestSupport.CapturedConnectorRequest> ReplyAsync(SecureBot bot, Activity activity) =>
        (await bot.Channel.WaitForActivitiesAsync(
            r => r.ConversationId == activity.Conversation!.Id && r.Activity?.Type == ActivityTypes.Message && r.Succeeded, 1, TimeSpan.FromSeconds(60)))[0];

    private static IConversationStore Store(SecureBot bot) => bot.Host.Services.GetRequiredService<IConversationStore>();

    private static async Task<IReadOnlyList<FailedTurn>> WaitForFailedAsync(SecureBot bot)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var failed = await Store(bot).ListFailedAsync(default);
            if (failed.Count > 0)
            {
                return failed;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the activity was never given up");
    }

    private static Task<BotCommand.Result> ReplayAsync(SecureBot bot, params string[] arguments) =>
        BotCommand.RunAsync(new Dictionary<string, string> { ["Conversations:DataDirectory"] = bot.DataDirectory }, ["replay", .. arguments]);
}
