using System.Globalization;
using System.Text.Json;
using OracleBot.Conversations;

namespace OracleBot.Cli;

/// <summary>
/// <c>oraclebot replay list | all [--include-uncertain] | CONVERSATION-ID ACTIVITY-ID</c>: lists the turns that
/// failed (most often replies the connector would not take within its delivery window) or puts them back in the
/// inbox, where the running bot (any instance) answers them again. A replay removes the failure in the same
/// write, so replaying twice answers once. Turns whose reply may have been delivered are replayed only by name.
/// </summary>
internal sealed class ReplayVerb : ICliVerb
{
    private const string Usage = "usage: oraclebot replay list | all [--include-uncertain] | CONVERSATION-ID ACTIVITY-ID";

    public string Name => "replay";

    public string Summary => "list | all [--include-uncertain] | CONVERSATION-ID ACTIVITY-ID: list or answer again turns that failed";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        CliArguments args;
        try
        {
            args = CliArguments.Parse(arguments, "include-uncertain");
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var store = services.GetRequiredService<IConversationStore>();
        return args.Positional switch
        {
            ["list"] when !args.Has("include-uncertain") => await ListAsync(store, cancellationToken),
            ["all"] => await ReplayAllAsync(store, args.Has("include-uncertain"), cancellationToken),
            [var conversationId, var activityId] when !args.Has("include-uncertain") =>
                await ReplayOneAsync(store, new ActivityKey(conversationId, activityId), cancellationToken),
            _ => await UsageAsync(),
        };
    }

    private static async Task<int> ListAsync(IConversationStore store, CancellationToken cancellationToken)
    {
        var failed = await store.ListFailedAsync(cancellationToken);
        await Console.Out.WriteLineAsync("failed_utc\tconversation_id\tactivity_id\ttype\tdelivery\treason");
        foreach (var turn in failed)
        {
            // Ids and the failure only: the activity's text may hold patient details.
            await Console.Out.WriteLineAsync(string.Join('\t',
                turn.FailedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                turn.Key.ConversationId,
                turn.Key.ActivityId,
                ActivityType(turn.ActivityJson),
                turn.MayHaveBeenDelivered ? "may have been delivered" : "not delivered",
                turn.Reason));
        }

        await Console.Error.WriteLineAsync($"{failed.Count} failed turns");
        return 0;
    }

    private static async Task<int> ReplayAllAsync(IConversationStore store, bool includeUncertain, CancellationToken cancellationToken)
    {
        int queued = 0, skipped = 0;
        foreach (var turn in await store.ListFailedAsync(cancellationToken))
        {
            if (turn.MayHaveBeenDelivered && !includeUncertain)
            {
                skipped++;
            }
            else if (await store.ReplayAsync(turn.Key, cancellationToken))
            {
                queued++;
            }
        }

        await Console.Out.WriteLineAsync($"{queued} failed turns queued for replay; the running bot answers them at its next inbox check");
        if (skipped > 0)
        {
            await Console.Out.WriteLineAsync(
                $"{skipped} skipped: their reply may have been delivered; check the chat, then replay each by id or use --include-uncertain");
        }

        return 0;
    }

    private static async Task<int> ReplayOneAsync(IConversationStore store, ActivityKey key, CancellationToken cancellationToken)
    {
        if (!await store.ReplayAsync(key, cancellationToken))
        {
            await Console.Error.WriteLineAsync("No failed turn has that conversation and activity id (never failed, or replayed already).");
            return 1;
        }

        await Console.Out.WriteLineAsync("1 failed turn queued for replay; the running bot answers it at its next inbox check");
        return 0;
    }

    private static async Task<int> UsageAsync()
    {
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }

    private static string ActivityType(ReadOnlyMemory<byte> activityJson)
    {
        try
        {
            using var document = JsonDocument.Parse(activityJson);
            return document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "?";
        }
        catch (JsonException)
        {
            return "?";
        }
    }
}
