using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Remote;
using OracleBot.Hosting;
using OracleBot.Tests.Protocol;
using Polly.CircuitBreaker;

namespace OracleBot.Tests.Answers;

/// <summary>How the remote answer service's breaker state and failures map to readiness.</summary>
public sealed class AnswerServiceHealthTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly RemoteAnswerHealth _remote;

    public AnswerServiceHealthTests() => _remote = new RemoteAnswerHealth(_time);

    [Fact]
    public async Task A_remote_service_with_no_failures_is_healthy()
    {
        _remote.AttemptEnded(failed: false);

        Assert.Equal(HealthStatus.Healthy, await StatusAsync(AnswerMode.Remote));
    }

    [Theory]
    [InlineData(CircuitState.Open)]
    [InlineData(CircuitState.HalfOpen)]
    [InlineData(CircuitState.Isolated)]
    public async Task A_circuit_that_is_not_closed_degrades_however_long_ago_the_failures_were(CircuitState state)
    {
        _remote.AttemptEnded(failed: true);
        _remote.CircuitChanged(state);
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(HealthStatus.Degraded, await StatusAsync(AnswerMode.Remote));
    }

    [Fact]
    public async Task Recent_failures_degrade_a_closed_circuit_until_an_attempt_succeeds()
    {
        _remote.AttemptEnded(failed: true);
        _remote.AttemptEnded(failed: true);

        Assert.Equal(new RemoteAnswerStatus(CircuitState.Closed, 2), _remote.Current);
        Assert.Equal(HealthStatus.Degraded, await StatusAsync(AnswerMode.Remote));

        _remote.AttemptEnded(failed: false);

        Assert.Equal(new RemoteAnswerStatus(CircuitState.Closed, 0), _remote.Current);
        Assert.Equal(HealthStatus.Healthy, await StatusAsync(AnswerMode.Remote));
    }

    [Fact]
    public async Task Failures_older_than_the_breakers_window_are_forgotten()
    {
        _remote.AttemptEnded(failed: true);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HealthStatus.Degraded, await StatusAsync(AnswerMode.Remote));

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, _remote.Current.RecentFailures);
        Assert.Equal(HealthStatus.Healthy, await StatusAsync(AnswerMode.Remote));
    }

    [Fact]
    public async Task The_embedded_engine_is_not_judged_by_the_remote_circuit()
    {
        _remote.AttemptEnded(failed: true);
        _remote.CircuitChanged(CircuitState.Open);

        Assert.Equal(HealthStatus.Healthy, await StatusAsync(AnswerMode.Embedded));
    }

    [Theory]
    [InlineData("1", "00:00:30")]
    [InlineData("5", "00:00:00.100")]
    [InlineData("5", "2.00:00:00")]
    public void Breaker_settings_the_breaker_cannot_take_are_refused_on_start(string failures, string breakDuration)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Answers:Mode"] = "Remote",
            ["Answers:Remote:BaseAddress"] = "http://answers.test/",
            ["Answers:Remote:BreakerFailures"] = failures,
            ["Answers:Remote:BreakDuration"] = breakDuration,
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddAnswerService().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AnswersOptions>>().Value);

        Assert.Contains("Answers:Remote:BreakerFailures", error.Message, StringComparison.Ordinal);
    }

    private async Task<HealthStatus> StatusAsync(AnswerMode mode)
    {
        var check = new AnswerServiceHealthCheck(Options.Create(new AnswersOptions { Mode = mode }), _remote);
        return (await check.CheckHealthAsync(new HealthCheckContext())).Status;
    }
}
