using Microsoft.Data.Sqlite;
using OracleBot.PubMed;

namespace OracleBot.FunctionalTests.PubMed;

/// <summary>
/// PubMed's cache beside the SQLite conversation store, as the bot registers it: searches kept for hours and
/// records for days, under hashes rather than words, and still there when the instance starts again.
/// </summary>
public sealed class PubMedSqliteCacheTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("oraclebot-pubmed-cache-").FullName;

    [Fact]
    public async Task The_cache_file_holds_searches_for_hours_and_records_for_days_and_survives_a_restart()
    {
        var (question, gold) = PubMedWorld.DevQuestions.First(q => q.Gold == "pmid:25475395");
        int sent;
        await using (var world = await PubMedWorld.StartAsync(Settings(), conversationStore: true))
        {
            var answer = await world.AskAsync(question);
            Assert.Contains(answer.Citations, c => c.DocumentId == gold);
            sent = world.EUtilities.Requests.Count;
            Assert.True(sent >= 5, $"{sent} requests: four searches and a fetch expected");
        }

        var entries = Entries();
        var searches = entries.Where(e => e.Key.StartsWith("s:", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, searches.Count);
        Assert.All(searches, e => Assert.Equal(TimeSpan.FromHours(6), e.Lifetime));
        Assert.Contains(entries, e => e.Key == "r:25475395");
        Assert.All(entries.Where(e => e.Key.StartsWith("r:", StringComparison.Ordinal)), e => Assert.Equal(TimeSpan.FromDays(7), e.Lifetime));
        var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 6).ToList();
        Assert.All(entries, e => Assert.DoesNotContain(words, w => e.Key.Contains(w, StringComparison.OrdinalIgnoreCase)));

        // A new instance over the same data folder answers from the file: nothing reaches the server.
        await using (var restarted = await PubMedWorld.StartAsync(Settings(), conversationStore: true))
        {
            var again = await restarted.AskAsync(question);
            Assert.Empty(restarted.EUtilities.Requests);
            Assert.Contains(again.Citations, c => c.DocumentId == gold);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Conversations:Store"] = "Sqlite",
        ["Conversations:DataDirectory"] = _data,
        ["Answers:PubMed:RequestsPerSecond"] = "10",
        ["Answers:PubMed:Budget"] = "00:00:10",
    };

    private List<(string Key, TimeSpan Lifetime)> Entries()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_data, SqlitePubMedCache.FileName), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, expires - written FROM cache";
        using var reader = command.ExecuteReader();
        var entries = new List<(string, TimeSpan)>();
        while (reader.Read())
        {
            entries.Add((reader.GetString(0), TimeSpan.FromMilliseconds(reader.GetInt64(1))));
        }

        return entries;
    }
}
