using System.Net;
using Microsoft.Extensions.Logging;
using OracleBot.TestSupport;

namespace OracleBot.FunctionalTests.Security;

/// <summary>What the bot's logs (Information and above, every category) may carry: never user or connector text.</summary>
public sealed class LogContentTests
{
    private const string Question = "Does Jane Roe, born 1961-04-02, need colchicine for her pericarditis?";

    [Fact]
    public async Task A_connector_error_quoting_the_question_leaves_no_question_text_in_any_log()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Turns:ProgressDelay"] = "00:00:10",
        }));
        // A 400 is final: the turn fails at once with the connector's message, which quotes what it refused.
        bot.Channel.EnqueueResponse(new ScriptedResponse(HttpStatusCode.BadRequest, ErrorCode: "BadArgument",
            ErrorMessage: $"Activity rejected: text '{Question}' is not allowed", CorrelationId: "corr-1"));
        var question = bot.Message(Question);

        using var response = await bot.PostAsync(question);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await WaitForAsync(() => bot.Logs.Entries.FirstOrDefault(e => e.Level == LogLevel.Error && e.Message.Contains("kept for replay", StringComparison.Ordinal)));

        Assert.Contains("400", failed.Message, StringComparison.Ordinal);
        Assert.Null(failed.Exception);
        foreach (var fragment in new[] { "Jane Roe", "1961-04-02", "colchicine", "is not allowed" })
        {
            Assert.DoesNotContain(bot.Logs.Entries, e => e.AllText.Contains(fragment, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_request_without_a_token_is_not_logged_at_information_or_above()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot());

        using var anonymous = await bot.Channel.PostActivityAsync(bot.Host.MessagesEndpoint, bot.Message("hello"), token: null);
        using var garbage = await bot.Channel.PostActivityAsync(bot.Host.MessagesEndpoint, bot.Message("hello"), token: "not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("reject", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_token_for_another_bot_is_logged_once_with_the_reason()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot());

        using var otherBot = await bot.Channel.PostActivityAsync(
            bot.Host.MessagesEndpoint, bot.Message("hello"), bot.Channel.CreateToken("0f0e0d0c-0b0a-4908-8706-050403020100"));

        Assert.Equal(HttpStatusCode.Unauthorized, otherBot.StatusCode);
        var rejected = Assert.Single(bot.Logs.Entries, e => e.Message.Contains("reject", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(LogLevel.Warning, rejected.Level);
        Assert.Contains("audience is not this bot", rejected.Message, StringComparison.Ordinal);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the expected log entry was never written");
    }
}
