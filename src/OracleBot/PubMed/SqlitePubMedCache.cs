using Microsoft.Data.Sqlite;
using OracleBot.Answers.PubMed;

namespace OracleBot.PubMed;

/// <summary>
/// The PubMed cache of a single instance, in a SQLite file of its own beside the conversation database (so the
/// conversation store's schema and write path are untouched). Expired entries are never returned; every few
/// writes the expired and the oldest beyond the capacity are deleted.
/// </summary>
internal sealed class SqlitePubMedCache : IPubMedCache, IDisposable
{
    public const string FileName = "pubmed-cache.db";
    private const int TrimEvery = 32;

    private readonly SqliteConnection _connection;
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private int _writes;

    public SqlitePubMedCache(string path, int capacity, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _capacity = capacity;
        _time = time;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires INTEGER NOT NULL, written INTEGER NOT NULL);" +
                "CREATE INDEX IF NOT EXISTS cache_written ON cache (written);");
    }

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT value FROM cache WHERE key = $key AND expires > $now";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$now", Now());
            return ValueTask.FromResult(command.ExecuteScalar() as string);
        }
    }

    public ValueTask SetAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (_capacity <= 0 || lifetime <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        lock (_lock)
        {
            var now = Now();
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = "INSERT OR REPLACE INTO cache (key, value, expires, written) VALUES ($key, $value, $expires, $now)";
                command.Parameters.AddWithValue("$key", key);
                command.Parameters.AddWithValue("$value", value);
                command.Parameters.AddWithValue("$expires", now + (long)lifetime.TotalMilliseconds);
                command.Parameters.AddWithValue("$now", now);
                command.ExecuteNonQuery();
            }

            if (++_writes % TrimEvery == 0)
            {
                Trim(now);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Entries held now, expired ones included until the next trim (tests check the bound).</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM cache";
                return (long)command.ExecuteScalar()!;
            }
        }
    }

    public void Dispose() => _connection.Dispose();

    private void Trim(long now)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM cache WHERE expires <= $now;" +
            "DELETE FROM cache WHERE key IN (SELECT key FROM cache ORDER BY written LIMIT max(0, (SELECT COUNT(*) FROM cache) - $capacity));";
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$capacity", _capacity);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
