using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Remote;

namespace OracleBot.FunctionalTests.Answers;

/// <summary>The bot's remote answer client against a scripted answer service on loopback.</summary>
public sealed class HttpAnswerServiceResilienceTests : IAsyncLifetime
{
    private static readonly string AnswerJsonBody = JsonSerializer.Serialize(
        new Answer("a1", "q", new Statement("Gout is a form of arthritis.", [1]), [], [
            new Citation(1, "ref:gout", "ref:gout#p1", "Gout", DocumentKind.Reference, "Test", 2020, "https://example.org/gout", "CC BY 4.0", "Gout is a form of arthritis."),
        ], [], []),
        AnswerJson.Default.Answer);

    private ScriptedHttpServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => _server = await ScriptedHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IAnswerService Client(int retries = 2, int breakerFailures = 5, double attemptSeconds = 2, double totalSeconds = 10)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Answers:Mode"] = "Remote",
            ["Answers:Remote:BaseAddress"] = _server.BaseAddress.ToString(),
            ["Answers:Remote:MaxRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answers:Remote:BreakerFailures"] = breakerFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answers:Remote:AttemptTimeout"] = TimeSpan.FromSeconds(attemptSeconds).ToString(),
            ["Answers:Remote:TotalTimeout"] = TimeSpan.FromSeconds(totalSeconds).ToString(),
        }).Build();
        _services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddAnswerService().BuildServiceProvider();
        return _services.GetRequiredService<IAnswerService>();
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_an_answer_arrives()
    {
        _server.Script(ScriptedHttpServer.Status(503), ScriptedHttpServer.Status(500), ScriptedHttpServer.Status(200, AnswerJsonBody));

        var answer = await Client().AnswerAsync(new AnswerRequest("What is gout?"), CancellationToken.None);

        Assert.Equal("ref:gout", answer.Citations[0].DocumentId);
        Assert.Equal(3, _server.RequestCount);
        Assert.All(_server.Requests, r => Assert.Equal("/v1/answers", r.Path));
        Assert.Contains("\"question\":\"What is gout?\"", _server.Requests.First().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_for_Retry_After()
    {
        _server.Script(ScriptedHttpServer.Status(429, headers: r => r.Headers.RetryAfter = "1"), ScriptedHttpServer.Status(200, AnswerJsonBody));
        var clock = Stopwatch.StartNew();

        await Client().AnswerAsync(new AnswerRequest("What is gout?"), CancellationToken.None);

        Assert.Equal(2, _server.RequestCount);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_bad_request_is_not_retried()
    {
        _server.Script(ScriptedHttpServer.Status(400, """{"title":"Invalid answer request","detail":"The question is empty."}""", "application/problem+json"));

        var error = await Assert.ThrowsAsync<AnswerServiceException>(() => Client().AnswerAsync(new AnswerRequest(""), CancellationToken.None));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task A_silent_service_is_retried_after_each_attempt_times_out()
    {
        _server.Script(ScriptedHttpServer.Silent());
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<AnswerServiceException>(() => Client(retries: 1, attemptSeconds: 0.5, totalSeconds: 3).AnswerAsync(new AnswerRequest("What is gout?"), CancellationToken.None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Equal(2, _server.RequestCount);
    }

    [Fact]
    public async Task A_body_that_never_ends_is_cut_off_at_the_total_budget()
    {
        _server.Script(ScriptedHttpServer.NeverEnds("{\"answerId\":"));
        var clock = Stopwatch.StartNew();

        // The attempt timeout covers the wait for headers; it is generous so that a busy machine's slow first
        // byte is not mistaken for a failed attempt. The body is bounded by the total budget alone.
        await Assert.ThrowsAsync<AnswerServiceException>(() => Client(retries: 1, attemptSeconds: 1.5, totalSeconds: 3).AnswerAsync(new AnswerRequest("What is gout?"), CancellationToken.None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(9));
        Assert.Equal(1, _server.RequestCount);
    }

    // A 200 whose body is not an answer is as broken as an error status.
    [Theory]
    [InlineData(503, "")]
    [InlineData(200, "{not json")]
    public async Task The_circuit_opens_after_repeated_failures_and_then_fails_fast(int status, string body)
    {
        _server.Script(ScriptedHttpServer.Status(status, body));
        var client = Client(retries: 0, breakerFailures: 3);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<AnswerServiceException>(() => client.AnswerAsync(new AnswerRequest("What is gout?"), CancellationToken.None));
        }

        var before = _server.RequestCount;
        var error = await Assert.ThrowsAsync<AnswerServiceException>(() => client.AnswerAsync(new AnswerRequest("What is gout?"), CancellationToken.None));

        Assert.Equal(before, _server.RequestCount);
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(error.InnerException);
    }

    [Fact]
    public async Task A_malformed_body_is_a_service_failure()
    {
        _server.Script(ScriptedHttpServer.Status(200, "{not json"));

        await Assert.ThrowsAsync<AnswerServiceException>(() => Client(retries: 0).AnswerAsync(new AnswerRequest("What is gout?"), CancellationToken.None));
    }
}
