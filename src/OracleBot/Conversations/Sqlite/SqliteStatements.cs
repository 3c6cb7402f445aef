using Microsoft.Data.Sqlite;

namespace OracleBot.Conversations.Sqlite;

/// <summary>Every statement of the SQLite store, prepared once per connection.</summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    public const int FeedbackPageSize = 500;

    // Transactions are driven by plain statements so that the prepared commands need no transaction object.
    public SqliteStatement Begin { get; } = new(connection, "BEGIN IMMEDIATE");
    public SqliteStatement Commit { get; } = new(connection, "COMMIT");
    public SqliteStatement Rollback { get; } = new(connection, "ROLLBACK");

    public SqliteStatement Accept { get; } = new(connection,
        "INSERT INTO activities (conversation_id, activity_id, accepted_ms, payload, lease_ms, attempts) VALUES ($c, $a, $t, $p, $l, 1) ON CONFLICT DO NOTHING",
        "$c", "$a", "$t", "$p", "$l");

    public SqliteStatement Complete { get; } = new(connection,
        "UPDATE activities SET payload = NULL WHERE conversation_id = $c AND activity_id = $a AND payload IS NOT NULL", "$c", "$a");

    public SqliteStatement Renew { get; } = new(connection,
        "UPDATE activities SET lease_ms = $l WHERE conversation_id = $c AND activity_id = $a AND payload IS NOT NULL", "$c", "$a", "$l");

    public SqliteStatement Expired { get; } = new(connection,
        "SELECT conversation_id, activity_id, payload, attempts FROM activities WHERE payload IS NOT NULL AND lease_ms <= $now ORDER BY lease_ms LIMIT $max",
        "$now", "$max");

    public SqliteStatement Take { get; } = new(connection,
        "UPDATE activities SET lease_ms = $l, attempts = attempts + 1 WHERE conversation_id = $c AND activity_id = $a", "$c", "$a", "$l");

    public SqliteStatement RecordFailure { get; } = new(connection,
        "INSERT OR REPLACE INTO failed_turns (conversation_id, activity_id, failed_ms, payload, reason, uncertain) VALUES ($c, $a, $t, $p, $r, $u)",
        "$c", "$a", "$t", "$p", "$r", "$u");

    public SqliteStatement ListFailed { get; } = new(connection,
        "SELECT conversation_id, activity_id, failed_ms, payload, reason, uncertain FROM failed_turns ORDER BY failed_ms, conversation_id, activity_id");

    // Revives the finished claim as an inbox entry whose lease has run out; an entry still pending is left alone.
    public SqliteStatement Requeue { get; } = new(connection,
        "INSERT INTO activities (conversation_id, activity_id, accepted_ms, payload, lease_ms, attempts) "
        + "SELECT conversation_id, activity_id, $t, payload, 0, 0 FROM failed_turns WHERE conversation_id = $c AND activity_id = $a "
        + "ON CONFLICT (conversation_id, activity_id) DO UPDATE SET payload = excluded.payload, lease_ms = 0, attempts = 0 WHERE activities.payload IS NULL",
        "$c", "$a", "$t");

    public SqliteStatement DeleteFailed { get; } = new(connection,
        "DELETE FROM failed_turns WHERE conversation_id = $c AND activity_id = $a", "$c", "$a");

    public SqliteStatement GetThread { get; } = new(connection, "SELECT turns FROM threads WHERE conversation_id = $c", "$c");

    public SqliteStatement PutThread { get; } = new(connection,
        "INSERT INTO threads (conversation_id, turns, updated_ms) VALUES ($c, $j, $t) ON CONFLICT (conversation_id) DO UPDATE SET turns = excluded.turns, updated_ms = excluded.updated_ms",
        "$c", "$j", "$t");

    public SqliteStatement DeleteThread { get; } = new(connection, "DELETE FROM threads WHERE conversation_id = $c", "$c");

    public SqliteStatement GetAudience { get; } = new(connection, "SELECT audience FROM preferences WHERE user_key = $u", "$u");

    public SqliteStatement SetAudience { get; } = new(connection,
        "INSERT INTO preferences (user_key, audience, updated_ms) VALUES ($u, $a, $t) ON CONFLICT (user_key) DO UPDATE SET audience = excluded.audience, updated_ms = excluded.updated_ms",
        "$u", "$a", "$t");

    public SqliteStatement AddFeedback { get; } = new(connection,
        "INSERT INTO feedback (at_ms, answer_id, reaction, comment, question) VALUES ($t, $a, $r, $c, $q)", "$t", "$a", "$r", "$c", "$q");

    public SqliteStatement FeedbackPage { get; } = new(connection,
        // Oldest first, as the Redis store reads it, not in the order recorded: instances' clocks differ. Keyset
        // paging on (at_ms, id), which the feedback_at index (its rowid included) serves in order.
        "SELECT id, at_ms, answer_id, reaction, comment, question FROM feedback " +
        $"WHERE at_ms > $at OR (at_ms = $at AND id > $after) ORDER BY at_ms, id LIMIT {FeedbackPageSize}", "$at", "$after");

    // Reads the schema page: proves the file is still open and readable, costs microseconds.
    public SqliteStatement Ping { get; } = new(connection, "SELECT count(*) FROM sqlite_schema");

    public SqliteStatement PurgeThreads { get; } = new(connection, "DELETE FROM threads WHERE updated_ms < $t", "$t");
    public SqliteStatement PurgePreferences { get; } = new(connection, "DELETE FROM preferences WHERE updated_ms < $t", "$t");
    public SqliteStatement PurgeFeedback { get; } = new(connection, "DELETE FROM feedback WHERE at_ms < $t", "$t");
    public SqliteStatement PurgeFailed { get; } = new(connection, "DELETE FROM failed_turns WHERE failed_ms < $t", "$t");
    public SqliteStatement PurgeClaims { get; } = new(connection, "DELETE FROM activities WHERE payload IS NULL AND accepted_ms < $t", "$t");

    public void Dispose()
    {
        foreach (var statement in new[]
        {
            Begin, Commit, Rollback, Accept, Complete, Renew, Expired, Take, RecordFailure, ListFailed, Requeue, DeleteFailed,
            GetThread, PutThread, DeleteThread, GetAudience, SetAudience, AddFeedback, FeedbackPage, Ping, PurgeThreads,
            PurgePreferences, PurgeFeedback, PurgeFailed, PurgeClaims,
        })
        {
            statement.Dispose();
        }
    }
}
