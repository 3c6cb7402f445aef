using Microsoft.Extensions.Options;
using OracleBot.Conversations;
using OracleBot.Conversations.Sqlite;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary><c>oraclebot feedback export</c> run as a real process against a store the bot wrote.</summary>
public sealed class FeedbackExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oraclebot-export-").FullName;

    [Fact]
    public async Task Export_writes_every_feedback_record_as_csv()
    {
        var options = new ConversationOptions { DataDirectory = _directory };
        using (var store = new SqliteConversationStore(ConversationStoreRegistration.DatabasePath(options, _directory), Options.Create(options), TimeProvider.System))
        {
            await store.AddFeedbackAsync(new FeedbackRecord(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), "answer-1", "like", null, null), default);
            await store.AddFeedbackAsync(new FeedbackRecord(new DateTimeOffset(2026, 3, 1, 9, 31, 0, TimeSpan.Zero), "answer-2", "dislike", "Too long, \"vague\"", "=What dose?"), default);
        }

        var csv = Path.Combine(_directory, "feedback.csv");
        var run = await BotCommand.RunAsync(new Dictionary<string, string> { ["Conversations:DataDirectory"] = _directory }, "feedback", "export", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "time_utc,answer_id,reaction,comment,question",
                "2026-03-01T09:30:00Z,answer-1,like,,",
                "2026-03-01T09:31:00Z,answer-2,dislike,\"Too long, \"\"vague\"\"\",'=What dose?",
            ],
            await File.ReadAllLinesAsync(csv));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
