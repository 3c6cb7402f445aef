using Polly.CircuitBreaker;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// Keeps a failing PubMed from slowing every answer: after <see cref="PubMedOptions.BreakerFailures"/> searches
/// in a row fail (error, malformed reply, 429 or the budget running out), PubMed is skipped for
/// <see cref="PubMedOptions.BreakDuration"/>; then one search tries it (half-open) — success closes the circuit,
/// failure opens it again. The host's readiness check reads <see cref="Current"/> and reports Degraded while the
/// circuit is not closed, as it does for the remote answer service.
/// </summary>
public sealed class PubMedCircuit(PubMedOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private CircuitState _state = CircuitState.Closed;
    private DateTimeOffset _openedAt;
    private bool _probing;
    private int _failuresInARow;

    /// <summary>The state now, with the searches failed in a row.</summary>
    public PubMedStatus Current
    {
        get
        {
            lock (_lock)
            {
                var state = _state == CircuitState.Open && time.GetUtcNow() - _openedAt >= options.BreakDuration ? CircuitState.HalfOpen : _state;
                return new PubMedStatus(state, _failuresInARow);
            }
        }
    }

    /// <summary>True when a search may go to PubMed now; in half-open, only the first caller's may.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            switch (_state)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.Open when time.GetUtcNow() - _openedAt >= options.BreakDuration:
                    _state = CircuitState.HalfOpen;
                    _probing = true;
                    return true;
                case CircuitState.HalfOpen when !_probing:
                    _probing = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _state = CircuitState.Closed;
            _probing = false;
            _failuresInARow = 0;
        }
    }

    public void Failed()
    {
        lock (_lock)
        {
            _failuresInARow++;
            _probing = false;
            if (_state == CircuitState.HalfOpen || _failuresInARow >= options.BreakerFailures)
            {
                _state = CircuitState.Open;
                _openedAt = time.GetUtcNow();
            }
        }
    }

    /// <summary>A search that entered but ended without a verdict (cancelled by the caller): let the next one try.</summary>
    public void Abandoned()
    {
        lock (_lock)
        {
            _probing = false;
        }
    }
}

/// <param name="Circuit">Closed, Open or HalfOpen.</param>
/// <param name="FailuresInARow">Searches failed since the last one that succeeded.</param>
public sealed record PubMedStatus(CircuitState Circuit, int FailuresInARow);
