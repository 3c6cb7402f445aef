using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Remote;
using OracleBot.FunctionalTests.Answers;
using OracleBot.TestSupport;
using Polly.CircuitBreaker;

namespace OracleBot.FunctionalTests.Security;

/// <summary>
/// The whole bot in <c>Answers:Mode=Remote</c> against a remote answer service on loopback that fails, goes
/// away and comes back: every question gets a card at once, the circuit breaker opens and closes, and
/// <c>/readyz</c> says Degraded while it is open and Healthy once it has closed.
/// </summary>
public sealed class AnswerServiceBreakerTests
{
    private const int BreakerFailures = 3;
    // Wide enough for a two-core machine busy with other work: "at once" is told apart from the attempt timeout
    // (30 s) a slow failure would wait for, and the whole sequence up to step 4 fits in the break many times over.
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan CardWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Breaker_opens_on_failures_fails_fast_then_closes_when_the_service_recovers_and_readiness_follows()
    {
        var port = FreePort.Next();
        var server = await ScriptedHttpServer.StartAsync(port);
        var failedAt = 0L;
        server.Script(Failing(500, () => failedAt = Stopwatch.GetTimestamp()));
        try
        {
            await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
            {
                ["Answers:Mode"] = "Remote",
                ["Answers:Remote:BaseAddress"] = server.BaseAddress.ToString(),
                ["Answers:Remote:MaxRetries"] = "0",
                ["Answers:Remote:BreakerFailures"] = BreakerFailures.ToString(CultureInfo.InvariantCulture),
                ["Answers:Remote:BreakDuration"] = BreakDuration.ToString(),
                ["Answers:Remote:AttemptTimeout"] = "00:00:30",
                ["Answers:Remote:TotalTimeout"] = "00:01:00",
            }));
            var breaker = bot.Host.Services.GetRequiredService<RemoteAnswerHealth>();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var readyz = new Uri(bot.Host.MessagesEndpoint, "/readyz");
            Assert.Equal("Healthy", await ReadinessAsync(http, readyz));

            // 1. The service answers 500: the error card, and readiness degrades at the first failure.
            var first = await AskAsync(bot, "What causes pericarditis? (breaker 1)");
            AssertErrorCard(first.Reply, "What causes pericarditis? (breaker 1)");
            Assert.True(Stopwatch.GetElapsedTime(failedAt, first.ArrivedAt) < CardWithin, "error card later than 10 s after the 500");
            Assert.Equal("Degraded", await ReadinessAsync(http, readyz));
            Assert.Equal(new RemoteAnswerStatus(CircuitState.Closed, 1), breaker.Current);

            // 2. The service is gone: connection refused.
            await server.DisposeAsync();
            var second = await AskAsync(bot, "What causes pericarditis? (breaker 2)");
            AssertErrorCard(second.Reply, "What causes pericarditis? (breaker 2)");
            Assert.True(second.Elapsed < CardWithin, $"error card {second.Elapsed} after the question reached a refusing service");

            // 3. Back on its port but still failing: the third failure in a row opens the circuit.
            server = await ScriptedHttpServer.StartAsync(port);
            var answer = RecoveredAnswer("What causes pericarditis? (breaker 5)");
            server.Script(Failing(500, () => failedAt = Stopwatch.GetTimestamp()), ScriptedHttpServer.Status(200, answer));
            var third = await AskAsync(bot, "What causes pericarditis? (breaker 3)");
            AssertErrorCard(third.Reply, "What causes pericarditis? (breaker 3)");
            var openedAt = failedAt;
            Assert.True(Stopwatch.GetElapsedTime(openedAt, third.ArrivedAt) < CardWithin, "error card later than 10 s after the 500");
            Assert.Equal(CircuitState.Open, breaker.Current.Circuit);
            Assert.Equal("Degraded", await ReadinessAsync(http, readyz));

            // 4. The service would answer now, but the open circuit fails the question at once without calling it.
            var fourth = await AskAsync(bot, "What causes pericarditis? (breaker 4)");
            AssertErrorCard(fourth.Reply, "What causes pericarditis? (breaker 4)");
            Assert.True(fourth.Elapsed < CardWithin, $"error card {fourth.Elapsed} after the question with the circuit open");
            Assert.Equal(1, server.RequestCount);
            Assert.True(Stopwatch.GetElapsedTime(openedAt) < BreakDuration, "the open-circuit question came after the break; lengthen the break");

            // 5. After the break the next question tries the service again, gets a real answer, and closes the circuit.
            var untilHalfOpen = BreakDuration + TimeSpan.FromSeconds(1.5) - Stopwatch.GetElapsedTime(openedAt);
            if (untilHalfOpen > TimeSpan.Zero)
            {
                await Task.Delay(untilHalfOpen);
            }

            Assert.Equal("Degraded", await ReadinessAsync(http, readyz));
            var fifth = await AskAsync(bot, "What causes pericarditis? (breaker 5)");
            Assert.DoesNotContain("\"action\":\"retry\"", fifth.Reply.Body, StringComparison.Ordinal);
            Assert.Contains("Viral infection is the most common cause of acute pericarditis.", fifth.Reply.Body, StringComparison.Ordinal);
            Assert.Contains("https://example.org/pericarditis", fifth.Reply.Body, StringComparison.Ordinal);
            Assert.Equal(2, server.RequestCount);
            Assert.Equal(new RemoteAnswerStatus(CircuitState.Closed, 0), breaker.Current);
            Assert.Equal("Healthy", await ReadinessAsync(http, readyz));

            Assert.DoesNotContain(bot.Logs.Entries, e => e.AllText.Contains("pericarditis", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<(CapturedConnectorRequest Reply, TimeSpan Elapsed, long ArrivedAt)> AskAsync(SecureBot bot, string question)
    {
        var activity = bot.Message(question);
        var asked = Stopwatch.GetTimestamp();
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.ReplyAsync(activity.Conversation!.Id!);
        var arrived = Stopwatch.GetTimestamp();
        return (reply, Stopwatch.GetElapsedTime(asked, arrived), arrived);
    }

    private static void AssertErrorCard(CapturedConnectorRequest reply, string question)
    {
        Assert.Contains("\"action\":\"retry\"", reply.Body, StringComparison.Ordinal);
        Assert.Contains(question, reply.Body, StringComparison.Ordinal);
    }

    /// <summary>The body of <c>/readyz</c>, which answers 200 unless the instance cannot answer at all.</summary>
    private static async Task<string> ReadinessAsync(HttpClient http, Uri readyz)
    {
        using var response = await http.GetAsync(readyz);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Func<Microsoft.AspNetCore.Http.HttpContext, Task> Failing(int status, Action failed)
    {
        var respond = ScriptedHttpServer.Status(status, """{"title":"Answer service failure"}""", "application/problem+json");
        return context =>
        {
            failed();
            return respond(context);
        };
    }

    private static string RecoveredAnswer(string question) => JsonSerializer.Serialize(
        new Answer(
            "breaker-recovered",
            question,
            new Statement("Viral infection is the most common cause of acute pericarditis.", [1]),
            [],
            [new Citation(1, "ref:pericarditis", "ref:pericarditis#p1", "Pericarditis", DocumentKind.Reference, "Test", 2021, "https://example.org/pericarditis", "CC BY 4.0", "Most acute pericarditis is viral.")],
            [],
            []),
        AnswerJson.Default.Answer);
}
