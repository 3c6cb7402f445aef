using System.Collections.Concurrent;

namespace OracleBot.Conversations.Sqlite;

/// <summary>
/// Group commit without a commit thread: the first writer to find no commit running commits, on its own
/// thread, every write queued by then, and goes on while more arrive; writes queued meanwhile wait for it.
/// Under load many turns share one commit (and its WAL frames); alone, a write commits at once on the
/// caller's thread and its result is there without a hand-off to another thread and back, which on a busy
/// machine cost more than the commit. A write nobody waits for before answering (marking a turn done) may
/// linger a moment instead, to share the next commit: under load that is the next claim's, which halves the
/// commits (and the WAL pages written) of a turn.
/// </summary>
internal sealed class SqliteGroupCommit : IDisposable
{
    private const int MaxBatch = 256;

    // Rounds one caller commits for others before a pool thread takes the rest over, so a request that happened
    // to lead is not held for long.
    private const int MaxRoundsPerLeader = 4;

    // Long enough for the next claim to come along under load, short against anything a person notices.
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(2);

    private readonly ConcurrentQueue<Write> _queue = new();
    private readonly Action<Action> _inTransaction;
    private readonly Timer _lingerTimer;
    private int _committing;
    private int _flushScheduled;
    private volatile bool _disposed;

    /// <param name="inTransaction">Runs its argument inside one transaction, holding the store's lock.</param>
    public SqliteGroupCommit(Action<Action> inTransaction)
    {
        _inTransaction = inTransaction;
        _lingerTimer = new Timer(static state => ((SqliteGroupCommit)state!).FlushLingering(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>
    /// Like <see cref="WriteAsync(Func{int})"/> for a write that may wait for <see cref="Linger"/> to share a commit:
    /// its task completes once it is committed, as any write's.
    /// </summary>
    public Task<int> WriteLingeringAsync(Func<int> write)
    {
        if (_disposed)
        {
            return WriteAsync(write);
        }

        var pending = new Write(write, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        if (Interlocked.Exchange(ref _flushScheduled, 1) == 0)
        {
            try
            {
                _lingerTimer.Change(Linger, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile, which commits what was queued before it; anything left fails, never hangs.
                FailQueued();
            }
        }

        return pending.Done.Task;
    }

    /// <summary>Runs <paramref name="write"/> in the next commit; the leader's own write has completed when this returns.</summary>
    public Task<int> WriteAsync(Func<int> write)
    {
        if (_disposed)
        {
            return Task.FromException<int>(new ObjectDisposedException(nameof(SqliteGroupCommit)));
        }

        var pending = new Write(write, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _committing, 1, 0) == 0)
        {
            Lead(MaxRoundsPerLeader);
        }
        else if (_disposed)
        {
            // Disposal holds the flag for good: nobody else would ever take this write.
            FailQueued();
        }

        return pending.Done.Task;
    }

    public void Dispose()
    {
        _disposed = true;
        _lingerTimer.Dispose();

        // Let a commit in progress finish; what it leaves queued is committed here.
        var spinner = new SpinWait();
        while (Interlocked.CompareExchange(ref _committing, 1, 0) != 0)
        {
            spinner.SpinOnce();
        }

        while (!_queue.IsEmpty)
        {
            CommitQueued();
        }
    }

    private void FailQueued()
    {
        while (_queue.TryDequeue(out var write))
        {
            write.Done.TrySetException(new ObjectDisposedException(nameof(SqliteGroupCommit)));
        }
    }

    private void FlushLingering()
    {
        // Reset first: a write queued from here on schedules its own flush; one queued before is committed below,
        // or by a leader that holds the flag now and looks at the queue again before it lets go.
        Volatile.Write(ref _flushScheduled, 0);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _committing, 1, 0) == 0)
        {
            Lead(MaxRoundsPerLeader);
        }
    }

    /// <summary>Commits as leader (holding <see cref="_committing"/>) until nothing is queued or its rounds are spent.</summary>
    private void Lead(int rounds)
    {
        while (true)
        {
            CommitQueued();
            if (--rounds == 0 && !_queue.IsEmpty)
            {
                // Still leading (the flag stays set): a pool thread carries on.
                ThreadPool.UnsafeQueueUserWorkItem(static self => self.Lead(MaxRoundsPerLeader), this, preferLocal: false);
                return;
            }

            Volatile.Write(ref _committing, 0);

            // A write queued after the last batch was taken saw the flag set and left it to this leader.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _committing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private void CommitQueued()
    {
        var batch = new List<Write>(Math.Min(MaxBatch, Math.Max(1, _queue.Count)));
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var write))
        {
            batch.Add(write);
        }

        if (batch.Count == 0)
        {
            return;
        }

        var results = new int[batch.Count];
        try
        {
            _inTransaction(() =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    results[i] = batch[i].Work();
                }
            });
        }
        catch (Exception ex)
        {
            // The whole transaction rolled back: every write of the batch failed with it.
            foreach (var write in batch)
            {
                write.Done.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }
    }

    private sealed record Write(Func<int> Work, TaskCompletionSource<int> Done);
}
