namespace OracleBot.Answers.PubMed;

/// <summary>
/// The rate gate of one process (the SQLite store runs exactly one instance): the last few reserved turns are
/// remembered, and a new turn comes a window after the turn that many requests earlier.
/// </summary>
public sealed class LocalPubMedRateGate : IPubMedRateGate
{
    private readonly TimeProvider _time;
    private readonly int _requests;
    private readonly TimeSpan _window;
    private readonly Queue<DateTimeOffset> _turns = new();
    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil;

    public LocalPubMedRateGate(double requestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        _time = time;
        (_requests, _window) = IPubMedRateGate.Shape(requestsPerSecond);
    }

    public async ValueTask<bool> WaitTurnAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var turn = now > _pausedUntil ? now : _pausedUntil;
            if (_turns.Count >= _requests)
            {
                // Turns are reserved in time order, so the oldest remembered is `_requests` turns back.
                var earliest = _turns.Peek() + _window;
                turn = earliest > turn ? earliest : turn;
            }

            wait = turn - now;
            if (wait > maxWait)
            {
                return false;
            }

            _turns.Enqueue(turn);
            while (_turns.Count > _requests)
            {
                _turns.Dequeue();
            }
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public ValueTask PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var until = _time.GetUtcNow() + delay;
            _pausedUntil = until > _pausedUntil ? until : _pausedUntil;
        }

        return ValueTask.CompletedTask;
    }
}
