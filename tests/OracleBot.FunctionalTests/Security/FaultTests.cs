using System.Diagnostics;
using System.Net;
using OracleBot.Answers.Contract;
using OracleBot.FunctionalTests.Bot;

namespace OracleBot.FunctionalTests.Security;

/// <summary>Failures a cloud deployment sees every week: the user gets one clear card, never two, never none.</summary>
public sealed class FaultTests
{
    public static TheoryData<string> AnswerFaults => ["throws", "http 500", "garbage", "slow"];

    [Theory]
    [MemberData(nameof(AnswerFaults))]
    public async Task Failing_answer_service_gives_one_retry_card_soon_after_the_failure(string fault)
    {
        var failedAt = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?> { ["Turns:AnswerTimeout"] = "00:00:02" }));
        bot.Answers.Fault = async (request, ct) =>
        {
            switch (fault)
            {
                case "slow":
                    // Known to have failed when the bot's answer timeout fires.
                    failedAt.TrySetResult(Stopwatch.GetTimestamp() + Stopwatch.Frequency * 2);
                    await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    throw new TimeoutException();
                case "garbage":
                    failedAt.TrySetResult(Stopwatch.GetTimestamp());
                    throw new System.Text.Json.JsonException("'<' is an invalid start of a value.");
                case "http 500":
                    failedAt.TrySetResult(Stopwatch.GetTimestamp());
                    throw new HttpRequestException("Internal Server Error", null, HttpStatusCode.InternalServerError);
                default:
                    failedAt.TrySetResult(Stopwatch.GetTimestamp());
                    throw new InvalidOperationException("answer service down");
            }
        };
        var question = bot.Message("What causes pericarditis?");

        using var response = await bot.PostAsync(question);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.ReplyAsync(question.Conversation!.Id!);
        var arrived = Stopwatch.GetTimestamp();
        Assert.Contains("\"action\":\"retry\"", reply.Body, StringComparison.Ordinal);
        Assert.Contains("What causes pericarditis?", reply.Body, StringComparison.Ordinal);
        Assert.True(Stopwatch.GetElapsedTime(await failedAt.Task, arrived) < TimeSpan.FromSeconds(10), "error card later than 10 s after the failure");

        // Once the bot holds the turn no more, it has sent all it will: one card.
        await bot.Host.WaitUntilIdleAsync();
        Assert.Single(bot.RepliesIn(question.Conversation.Id!));
    }

    public static TheoryData<HttpStatusCode, int?> ConnectorFaults => new()
    {
        { HttpStatusCode.TooManyRequests, 1 },
        { HttpStatusCode.TooManyRequests, null },
        { HttpStatusCode.BadGateway, null },
        { HttpStatusCode.GatewayTimeout, null },
        { HttpStatusCode.ServiceUnavailable, null },
    };

    [Theory]
    [MemberData(nameof(ConnectorFaults))]
    public async Task Connector_that_recovers_gets_the_answer_exactly_once(HttpStatusCode status, int? retryAfterSeconds)
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Bot:Connector:RetryBaseDelay"] = "00:00:00.200",
        }));
        var question = bot.Message("What causes pericarditis?");
        bot.Channel.EnqueueFailures(2, status, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);

        using var response = await bot.PostAsync(question);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.ReplyAsync(question.Conversation!.Id!, TimeSpan.FromSeconds(30));
        await bot.Host.WaitUntilIdleAsync();
        var calls = bot.RepliesIn(question.Conversation.Id!);
        Assert.Equal(3, calls.Count);
        Assert.Single(calls, c => c.Succeeded);
        Assert.Equal(1, bot.Answers.Calls);
    }
}
