using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.PubMed;
using OracleBot.Tests.Protocol;

namespace OracleBot.Tests.Answers;

/// <summary>How PubMed's circuit maps to readiness: Degraded while it is open or half-open, Healthy otherwise.</summary>
public sealed class PubMedHealthTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly PubMedOptions _pubMed = new() { Enabled = true, BreakerFailures = 2, BreakDuration = TimeSpan.FromSeconds(30) };
    private readonly PubMedCircuit _circuit;

    public PubMedHealthTests() => _circuit = new PubMedCircuit(_pubMed, _time);

    [Fact]
    public async Task The_circuit_degrades_readiness_while_open_and_half_open_and_heals_on_a_success()
    {
        Assert.Equal(HealthStatus.Healthy, await StatusAsync());

        _circuit.Failed();
        Assert.Equal(HealthStatus.Healthy, await StatusAsync());
        _circuit.Failed();
        var open = await CheckAsync();
        Assert.Equal(HealthStatus.Degraded, open.Status);
        Assert.Contains("circuit is open", open.Description, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(31));
        var halfOpen = await CheckAsync();
        Assert.Equal(HealthStatus.Degraded, halfOpen.Status);
        Assert.Contains("half-open", halfOpen.Description, StringComparison.Ordinal);

        Assert.True(_circuit.TryEnter());
        _circuit.Succeeded();
        Assert.Equal(HealthStatus.Healthy, await StatusAsync());
    }

    [Theory]
    [InlineData(AnswerMode.Embedded, false)]
    [InlineData(AnswerMode.Remote, true)]
    public async Task PubMed_off_or_searched_elsewhere_is_healthy_whatever_this_circuit_says(AnswerMode mode, bool enabled)
    {
        _pubMed.Enabled = enabled;
        _circuit.Failed();
        _circuit.Failed();

        Assert.Equal(HealthStatus.Healthy, await StatusAsync(mode));
    }

    private async Task<HealthStatus> StatusAsync(AnswerMode mode = AnswerMode.Embedded) => (await CheckAsync(mode)).Status;

    private Task<HealthCheckResult> CheckAsync(AnswerMode mode = AnswerMode.Embedded)
    {
        using var services = new ServiceCollection()
            .AddSingleton(Options.Create(new AnswersOptions { Mode = mode, PubMed = _pubMed }))
            .AddSingleton(_circuit)
            .BuildServiceProvider();
        return Task.FromResult(PubMedReadiness.DegradedReason(services) is { } reason ? HealthCheckResult.Degraded(reason) : HealthCheckResult.Healthy());
    }
}
