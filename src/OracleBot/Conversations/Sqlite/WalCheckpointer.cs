using Microsoft.Data.Sqlite;

namespace OracleBot.Conversations.Sqlite;

/// <summary>
/// Moves the WAL into the database file from its own connection, once a second. SQLite would otherwise
/// checkpoint inside whichever commit crosses the threshold, and that commit would carry the checkpoint's
/// fsync; a passive checkpoint here never blocks the store's writes.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _checkpoint;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private bool _disposed;

    public WalCheckpointer(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _checkpoint = _connection.CreateCommand();
        _checkpoint.CommandText = "PRAGMA busy_timeout=5000; PRAGMA wal_checkpoint(PASSIVE);";
        _timer = new Timer(_ => Checkpoint(), null, Interval, Interval);
    }

    public void Checkpoint()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                _checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or locked by another process: the next tick tries again.
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _disposed = true;
            _checkpoint.Dispose();
            _connection.Dispose();
        }
    }
}
