using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OracleBot.Conversations.Sqlite;

/// <summary>
/// The conversation store in one SQLite file (WAL). One connection with prepared statements for writes and one
/// for the reads of every turn (thread, audience), each serialised by its own lock: every operation is a few
/// microseconds of B-tree work, cheaper than any pool hand-off, and under WAL a read never waits for a write
/// transaction to commit.
/// </summary>
internal sealed class SqliteConversationStore : IConversationStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteStatements _sql;
    private readonly Lock _readGate = new();
    private readonly SqliteConnection _readConnection;
    private readonly SqliteStatements _reads;
    private readonly ConversationOptions _options;
    private readonly TimeProvider _time;
    private readonly WalCheckpointer _checkpointer;
    private readonly SqliteGroupCommit _writes;

    public SqliteConversationStore(string databasePath, IOptions<ConversationOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = false,
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        Run(_connection, SqliteSchema.Pragmas);
        Run(_connection, SqliteSchema.Create);
        _sql = new SqliteStatements(_connection);
        _readConnection = new SqliteConnection(connectionString);
        _readConnection.Open();
        Run(_readConnection, SqliteSchema.Pragmas);
        _reads = new SqliteStatements(_readConnection);
        _checkpointer = new WalCheckpointer(connectionString);
        _writes = new SqliteGroupCommit(work =>
        {
            lock (_gate)
            {
                InTransaction(work);
            }
        });
    }

    public string DatabasePath => _connection.DataSource;

    public async ValueTask<bool> TryAcceptAsync(ActivityKey key, ReadOnlyMemory<byte> activityJson, CancellationToken cancellationToken)
    {
        var now = NowMs();

        // A whole array is bound as it is, not copied first: SQLite copies the blob when it is bound, and that is
        // done before this returns.
        var payload = MemoryMarshal.TryGetArray(activityJson, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array
            : activityJson.ToArray();
        var inserted = await _writes.WriteAsync(() => _sql.Accept
            .Bind(0, key.ConversationId).Bind(1, key.ActivityId).Bind(2, now).Bind(3, payload).Bind(4, now + LeaseMs).Execute());
        return inserted == 1;
    }

    // Marking done comes after the reply and nobody waits on it: it shares the next claim's commit.
    public async ValueTask CompleteAsync(ActivityKey key, ThreadTurn? turn, CancellationToken cancellationToken) =>
        await _writes.WriteLingeringAsync(() =>
        {
            // Only the completion that finds the activity pending appends its turn, so a repeated one adds nothing.
            var pending = _sql.Complete.Bind(0, key.ConversationId).Bind(1, key.ActivityId).Execute() == 1;
            if (pending && turn is not null)
            {
                AppendTurn(key.ConversationId, turn);
            }

            return 1;
        });

    public async ValueTask FailAsync(FailedTurn failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var (key, payload) = (failure.Key, failure.ActivityJson.ToArray());
        await _writes.WriteAsync(() =>
        {
            // As with a completion, only the call that finds the activity pending records it: a repeated call adds
            // nothing, and an activity another instance answered meanwhile is not offered for replay.
            if (_sql.Complete.Bind(0, key.ConversationId).Bind(1, key.ActivityId).Execute() != 1)
            {
                return 0;
            }

            return _sql.RecordFailure.Bind(0, key.ConversationId).Bind(1, key.ActivityId).Bind(2, failure.FailedAt.ToUnixTimeMilliseconds())
                .Bind(3, payload).Bind(4, failure.Reason).Bind(5, failure.MayHaveBeenDelivered ? 1 : 0).Execute();
        });
    }

    public ValueTask<IReadOnlyList<FailedTurn>> ListFailedAsync(CancellationToken cancellationToken)
    {
        var failed = new List<FailedTurn>();
        lock (_gate)
        {
            using var reader = _sql.ListFailed.Read();
            while (reader.Read())
            {
                failed.Add(new FailedTurn(
                    new ActivityKey(reader.GetString(0), reader.GetString(1)),
                    (byte[])reader.GetValue(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.GetString(4),
                    reader.GetInt64(5) != 0));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<FailedTurn>>(failed);
    }

    public async ValueTask<bool> ReplayAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        var now = NowMs();
        var deleted = await _writes.WriteAsync(() =>
        {
            _sql.Requeue.Bind(0, key.ConversationId).Bind(1, key.ActivityId).Bind(2, now).Execute();
            return _sql.DeleteFailed.Bind(0, key.ConversationId).Bind(1, key.ActivityId).Execute();
        });
        return deleted == 1;
    }

    public ValueTask RenewLeasesAsync(IReadOnlyCollection<ActivityKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var lease = NowMs() + LeaseMs;
        lock (_gate)
        {
            InTransaction(() =>
            {
                foreach (var key in keys)
                {
                    _sql.Renew.Bind(0, key.ConversationId).Bind(1, key.ActivityId).Bind(2, lease).Execute();
                }
            });
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<PendingActivity>> TakeExpiredAsync(int max, CancellationToken cancellationToken)
    {
        var now = NowMs();
        var taken = new List<PendingActivity>();
        lock (_gate)
        {
            InTransaction(() =>
            {
                using (var reader = _sql.Expired.Bind(0, now).Bind(1, max).Read())
                {
                    while (reader.Read())
                    {
                        var key = new ActivityKey(reader.GetString(0), reader.GetString(1));
                        taken.Add(new PendingActivity(key, (byte[])reader.GetValue(2), reader.GetInt32(3) + 1));
                    }
                }

                foreach (var pending in taken)
                {
                    _sql.Take.Bind(0, pending.Key.ConversationId).Bind(1, pending.Key.ActivityId).Bind(2, now + LeaseMs).Execute();
                }
            });
        }

        return ValueTask.FromResult<IReadOnlyList<PendingActivity>>(taken);
    }

    public ValueTask<IReadOnlyList<ThreadTurn>> GetThreadAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_readGate)
        {
            return ValueTask.FromResult<IReadOnlyList<ThreadTurn>>(ReadTurns(_reads, conversationId));
        }
    }

    public ValueTask ResetThreadAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _sql.DeleteThread.Bind(0, conversationId).Execute();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> GetAudienceAsync(string userKey, CancellationToken cancellationToken)
    {
        lock (_readGate)
        {
            return ValueTask.FromResult(_reads.GetAudience.Bind(0, userKey).Scalar() as string);
        }
    }

    public ValueTask SetAudienceAsync(string userKey, string audience, CancellationToken cancellationToken)
    {
        var now = NowMs();
        lock (_gate)
        {
            _sql.SetAudience.Bind(0, userKey).Bind(1, audience).Bind(2, now).Execute();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask AddFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (_gate)
        {
            _sql.AddFeedback.Bind(0, feedback.At.ToUnixTimeMilliseconds()).Bind(1, feedback.AnswerId).Bind(2, feedback.Reaction)
                .Bind(3, feedback.Comment).Bind(4, feedback.Question).Execute();
        }

        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<FeedbackRecord> ReadFeedbackAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Read in pages so the lock is never held across the consumer's awaits.
        long afterAt = long.MinValue;
        long after = 0;
        while (true)
        {
            var page = new List<(long Id, FeedbackRecord Record)>(256);
            lock (_gate)
            {
                using var reader = _sql.FeedbackPage.Bind(0, afterAt).Bind(1, after).Read();
                while (reader.Read())
                {
                    page.Add((reader.GetInt64(0), new FeedbackRecord(
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5))));
                }
            }

            foreach (var (_, record) in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return record;
            }

            if (page.Count < SqliteStatements.FeedbackPageSize)
            {
                yield break;
            }

            after = page[^1].Id;
            afterAt = page[^1].Record.At.ToUnixTimeMilliseconds();
            await Task.Yield();
        }
    }

    public ValueTask<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var cutoff = olderThan.ToUnixTimeMilliseconds();
        var claimCutoff = NowMs() - (long)_options.ClaimWindow.TotalMilliseconds;
        var purged = 0;
        lock (_gate)
        {
            InTransaction(() =>
            {
                purged += _sql.PurgeThreads.Bind(0, cutoff).Execute();
                purged += _sql.PurgePreferences.Bind(0, cutoff).Execute();
                purged += _sql.PurgeFeedback.Bind(0, cutoff).Execute();
                purged += _sql.PurgeFailed.Bind(0, cutoff).Execute();
                purged += _sql.PurgeClaims.Bind(0, claimCutoff).Execute();
            });
        }

        return ValueTask.FromResult(purged);
    }

    public ValueTask PingAsync(CancellationToken cancellationToken)
    {
        // On the read connection, as a turn's first reads are: a probe never waits behind a write transaction.
        lock (_readGate)
        {
            _reads.Ping.Scalar();
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _writes.Dispose();
        _checkpointer.Dispose();
        lock (_gate)
        {
            _sql.Dispose();
            _connection.Dispose();
        }

        lock (_readGate)
        {
            _reads.Dispose();
            _readConnection.Dispose();
        }
    }

    private long LeaseMs => (long)_options.InboxLease.TotalMilliseconds;

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static List<ThreadTurn> ReadTurns(SqliteStatements sql, string conversationId) =>
        sql.GetThread.Bind(0, conversationId).Scalar() is string json
            ? JsonSerializer.Deserialize(json, ConversationJson.Default.ListThreadTurn) ?? []
            : [];

    private void AppendTurn(string conversationId, ThreadTurn turn)
    {
        var turns = ReadTurns(_sql, conversationId);
        turns.Add(turn);
        if (turns.Count > _options.TurnsKept)
        {
            turns.RemoveRange(0, turns.Count - _options.TurnsKept);
        }

        _sql.PutThread.Bind(0, conversationId).Bind(1, JsonSerializer.Serialize(turns, ConversationJson.Default.ListThreadTurn))
            .Bind(2, turn.At.ToUnixTimeMilliseconds()).Execute();
    }

    private void InTransaction(Action work)
    {
        _sql.Begin.Execute();
        try
        {
            work();
            _sql.Commit.Execute();
        }
        catch
        {
            _sql.Rollback.Execute();
            throw;
        }
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
