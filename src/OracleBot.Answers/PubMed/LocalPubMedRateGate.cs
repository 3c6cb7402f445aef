namespace OracleBot.Answers.PubMed;

/// <summary>The rate gate of one process (the SQLite store runs exactly one instance): a semaphore of turns.</summary>
public sealed class LocalPubMedRateGate : IPubMedRateGate
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly SemaphoreSlim _turns;
    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil;

    public LocalPubMedRateGate(double requestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        _time = time;
        var (requests, window) = IPubMedRateGate.Shape(requestsPerSecond);
        _window = window;
        _turns = new SemaphoreSlim(requests, requests);
    }

    public async ValueTask<IPubMedTurn?> WaitTurnAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + maxWait;
        if (maxWait < TimeSpan.Zero || !await _turns.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var pause = PausedUntil() - _time.GetUtcNow();
        if (pause > TimeSpan.Zero)
        {
            if (_time.GetUtcNow() + pause > deadline)
            {
                _turns.Release(); // never used: free at once
                return null;
            }

            try
            {
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _turns.Release();
                throw;
            }
        }

        return new Turn(this);
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

    private DateTimeOffset PausedUntil()
    {
        lock (_lock)
        {
            return _pausedUntil;
        }
    }

    private sealed class Turn(LocalPubMedRateGate gate) : IPubMedTurn
    {
        private int _ended;

        public ValueTask EndAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _ = gate.ReleaseLaterAsync();
            }

            return ValueTask.CompletedTask;
        }
    }

    private async Task ReleaseLaterAsync()
    {
        await Task.Delay(_window, _time).ConfigureAwait(false);
        _turns.Release();
    }
}
