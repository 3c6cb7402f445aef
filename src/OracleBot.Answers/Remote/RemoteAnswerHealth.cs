using Polly.CircuitBreaker;

namespace OracleBot.Answers.Remote;

/// <summary>
/// What the remote answer client's circuit breaker has seen, for the host's readiness check: the circuit's
/// state, fed by the breaker's own open, half-open and close callbacks, and the attempts that failed since the
/// last one that got an answer. Failures older than the breaker's sampling window are forgotten, as the
/// breaker forgets them.
/// </summary>
public sealed class RemoteAnswerHealth(TimeProvider time)
{
    private readonly Lock _lock = new();
    private CircuitState _circuit = CircuitState.Closed;
    private int _failuresInARow;
    private DateTimeOffset _lastFailure;

    /// <summary>The state now; <see cref="RemoteAnswerStatus.RecentFailures"/> is 0 once the last failure is old.</summary>
    public RemoteAnswerStatus Current
    {
        get
        {
            lock (_lock)
            {
                var recent = _failuresInARow > 0 && time.GetUtcNow() - _lastFailure < RemoteAnswerResilience.SamplingDuration;
                return new RemoteAnswerStatus(_circuit, recent ? _failuresInARow : 0);
            }
        }
    }

    internal void CircuitChanged(CircuitState state)
    {
        lock (_lock)
        {
            _circuit = state;
        }
    }

    /// <summary>One attempt ended: failed as the breaker counts failures, or got a response that is not one.</summary>
    internal void AttemptEnded(bool failed)
    {
        lock (_lock)
        {
            if (failed)
            {
                _failuresInARow++;
                _lastFailure = time.GetUtcNow();
            }
            else
            {
                _failuresInARow = 0;
            }
        }
    }
}

/// <param name="Circuit">The circuit breaker's state.</param>
/// <param name="RecentFailures">Attempts failed in a row, the latest within the breaker's sampling window.</param>
public sealed record RemoteAnswerStatus(CircuitState Circuit, int RecentFailures);
