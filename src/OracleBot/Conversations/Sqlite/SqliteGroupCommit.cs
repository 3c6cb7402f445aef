using System.Threading.Channels;

namespace OracleBot.Conversations.Sqlite;

/// <summary>
/// Group commit: writes queued while a transaction runs go together into the next one. Under load many
/// turns share one commit (and its WAL frames); alone, a write commits at once.
/// </summary>
internal sealed class SqliteGroupCommit : IDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<Action> _inTransaction;
    private readonly Task _loop;

    /// <param name="inTransaction">Runs its argument inside one transaction, holding the store's lock.</param>
    public SqliteGroupCommit(Action<Action> inTransaction)
    {
        _inTransaction = inTransaction;
        _loop = Task.Run(RunAsync);
    }

    public Task<int> WriteAsync(Func<int> write)
    {
        var pending = new Write(write, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromException<int>(new ObjectDisposedException(nameof(SqliteGroupCommit)));
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task RunAsync()
    {
        var batch = new List<Write>(MaxBatch);
        var results = new int[MaxBatch];
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                _inTransaction(() =>
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        results[i] = batch[i].Work();
                    }
                });
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                // The whole transaction rolled back: every write of the batch failed with it.
                foreach (var write in batch)
                {
                    write.Done.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private sealed record Write(Func<int> Work, TaskCompletionSource<int> Done);
}
