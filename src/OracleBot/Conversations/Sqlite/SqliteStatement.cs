using Microsoft.Data.Sqlite;

namespace OracleBot.Conversations.Sqlite;

/// <summary>A prepared statement with named parameters, reused for every call (callers hold the store's lock).</summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteCommand _command;

    public SqliteStatement(SqliteConnection connection, string sql, params string[] parameters)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        foreach (var name in parameters)
        {
            _command.Parameters.Add(new SqliteParameter(name, null));
        }

        _command.Prepare();
    }

    public SqliteStatement Bind(int index, object? value)
    {
        _command.Parameters[index].Value = value ?? DBNull.Value;
        return this;
    }

    public int Execute() => _command.ExecuteNonQuery();

    public object? Scalar() => _command.ExecuteScalar();

    public SqliteDataReader Read() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
