using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OracleBot.Conversations;
using OracleBot.Conversations.Sqlite;
using OracleBot.Protocol.Schema;
using OracleBot.Turns;

namespace OracleBot.Tests.Turns;

/// <summary>The dispatcher over a real SQLite store: a redelivered activity is acknowledged and never queued twice.</summary>
public sealed class TurnDispatcherTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oraclebot-dispatch-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_redelivered_activity_is_acknowledged_but_queued_once()
    {
        var options = Options.Create(new ConversationOptions());
        using var store = new SqliteConversationStore(Path.Combine(_directory, "conversations.db"), options, TimeProvider.System);
        var dispatcher = new TurnDispatcher(
            store, new InFlightTurns(TimeProvider.System, options), null!, Options.Create(new TurnOptions()), NullLogger<TurnDispatcher>.Instance);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1712345678901",
            Text = "What causes pericarditis?",
            ServiceUrl = "https://smba.trafficmanager.net/teams/",
            ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:personal", ConversationType = "personal" },
        };

        var first = await dispatcher.DispatchAsync(activity, CancellationToken.None);
        var again = await dispatcher.DispatchAsync(activity, CancellationToken.None);

        Assert.Equal(Microsoft.AspNetCore.Http.Results.Ok().GetType(), first.GetType());
        Assert.Equal(first.GetType(), again.GetType());
        Assert.Equal(1, dispatcher.PendingCount);
        Assert.True(dispatcher.Queue.TryRead(out var queued));
        Assert.Equal(new ActivityKey("a:personal", "1712345678901"), queued.Key);
    }
}
