namespace OracleBot.Conversations.Sqlite;

/// <summary>The tables of the SQLite store; created on open, never dropped.</summary>
internal static class SqliteSchema
{
    // WAL with synchronous=NORMAL commits without an fsync (only checkpoints sync): a power cut may lose the
    // last commits, a process crash loses nothing, which is the failure the inbox exists for. Checkpoints run
    // in the background (WalCheckpointer), not inside a commit.
    public const string Pragmas = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=NORMAL;
        PRAGMA busy_timeout=5000;
        PRAGMA temp_store=MEMORY;
        PRAGMA wal_autocheckpoint=0;
        """;

    // Only the inbox has an index beyond the keys: every index is one more page written per commit, and the
    // hourly purge can afford to scan.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS activities (
            conversation_id TEXT NOT NULL,
            activity_id     TEXT NOT NULL,
            accepted_ms     INTEGER NOT NULL,
            payload         BLOB,
            lease_ms        INTEGER NOT NULL,
            attempts        INTEGER NOT NULL,
            PRIMARY KEY (conversation_id, activity_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS activities_pending ON activities (lease_ms) WHERE payload IS NOT NULL;

        CREATE TABLE IF NOT EXISTS failed_turns (
            conversation_id TEXT NOT NULL,
            activity_id     TEXT NOT NULL,
            failed_ms       INTEGER NOT NULL,
            payload         BLOB NOT NULL,
            reason          TEXT NOT NULL,
            uncertain       INTEGER NOT NULL,
            PRIMARY KEY (conversation_id, activity_id)) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS threads (
            conversation_id TEXT PRIMARY KEY,
            turns           TEXT NOT NULL,
            updated_ms      INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS preferences (
            user_key   TEXT PRIMARY KEY,
            audience   TEXT NOT NULL,
            updated_ms INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS preferences_updated ON preferences (updated_ms);

        CREATE TABLE IF NOT EXISTS feedback (
            id        INTEGER PRIMARY KEY,
            at_ms     INTEGER NOT NULL,
            answer_id TEXT NOT NULL,
            reaction  TEXT NOT NULL,
            comment   TEXT,
            question  TEXT);
        CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at_ms);
        """;
}
