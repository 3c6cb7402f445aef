using Microsoft.Extensions.Options;
using OracleBot.Conversations;
using OracleBot.Conversations.Sqlite;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>The store contract against a SQLite file in a temporary directory.</summary>
public sealed class SqliteConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oraclebot-sqlite-").FullName;
    private readonly List<SqliteConversationStore> _stores = [];

    private protected override IConversationStore CreateStore(ConversationOptions options)
    {
        var store = new SqliteConversationStore(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), Options.Create(options), Clock);
        _stores.Add(store);
        return store;
    }

    [Fact]
    public async Task Database_is_in_wal_mode_and_survives_reopening()
    {
        var path = Path.Combine(_directory, "reopen.db");
        var key = new ActivityKey("a:reopen", "1");
        using (var first = new SqliteConversationStore(path, Options.Create(new ConversationOptions()), Clock))
        {
            await first.TryAcceptAsync(key, "{}"u8.ToArray(), default);
            await first.SetAudienceAsync("aad:u", "nurse", default);
        }

        using var second = new SqliteConversationStore(path, Options.Create(new ConversationOptions()), Clock);
        Assert.False(await second.TryAcceptAsync(key, "{}"u8.ToArray(), default));
        Assert.Equal("nurse", await second.GetAudienceAsync("aad:u", default));
        Assert.True(File.Exists(path + "-wal"));
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
