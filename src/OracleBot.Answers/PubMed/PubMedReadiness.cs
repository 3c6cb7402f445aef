using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// PubMed as this instance's circuit sees it, for the readiness probe of whichever host runs the embedded engine
/// (the bot, or the separate answer service): Degraded while the circuit is open or half-open — answers still
/// come, from the local library, with a notice — never Unhealthy, since every instance shares the one PubMed.
/// </summary>
public static class PubMedReadiness
{
    /// <summary>Why PubMed degrades this instance now; null when it does not (off, a remote engine, or the circuit closed).</summary>
    public static string? DegradedReason(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<AnswersOptions>>().Value;
        if (options.Mode != AnswerMode.Embedded || !options.PubMed.Enabled)
        {
            return null;
        }

        return services.GetRequiredService<PubMedCircuit>().Current.Circuit switch
        {
            CircuitState.Open or CircuitState.Isolated => "PubMed's circuit is open: answers use the local library only until the break ends.",
            CircuitState.HalfOpen => "PubMed's circuit is half-open: the next question tries PubMed again.",
            _ => null,
        };
    }
}
