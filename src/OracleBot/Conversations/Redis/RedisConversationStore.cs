using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OracleBot.Conversations.Redis;

/// <summary>
/// The conversation store in Redis, shared by every instance of the bot. Claims are <c>SET NX</c> keys that
/// expire after the claim window; multi-key changes are Lua scripts, so each is one atomic round trip. An
/// unreachable Redis surfaces as <see cref="ConversationStoreUnavailableException"/>.
/// </summary>
internal sealed class RedisConversationStore(IConnectionMultiplexer redis, IOptions<ConversationOptions> options, TimeProvider time)
    : IConversationStore
{
    private const char FeedbackIdSeparator = '\u001f';

    // The fields of a failed turn's hash, in the order ListFailedAsync reads them.
    private static readonly RedisValue[] FailedFields = ["payload", "at", "reason", "uncertain"];

    private readonly ConversationOptions _options = options.Value;
    private readonly RedisKeys _keys = new(options.Value.RedisKeyPrefix);
    private readonly IDatabase _db = redis.GetDatabase();

    public async ValueTask<bool> TryAcceptAsync(ActivityKey key, ReadOnlyMemory<byte> activityJson, CancellationToken cancellationToken)
    {
        var result = await RedisFailures.Guard(() => _db.ScriptEvaluateAsync(
            RedisScripts.Accept,
            [_keys.Claim(key), _keys.Inbox, _keys.Leases, _keys.Attempts],
            [(long)_options.ClaimWindow.TotalMilliseconds, key.Encode(), activityJson, NowMs() + LeaseMs])).ConfigureAwait(false);
        return (long)result == 1;
    }

    public async ValueTask CompleteAsync(ActivityKey key, ThreadTurn? turn, CancellationToken cancellationToken)
    {
        RedisValue turnJson = turn is null ? string.Empty : JsonSerializer.SerializeToUtf8Bytes(turn, ConversationJson.Default.ThreadTurn);
        await RedisFailures.Guard(() => _db.ScriptEvaluateAsync(
            RedisScripts.Complete,
            [_keys.Inbox, _keys.Leases, _keys.Attempts, _keys.Thread(key.ConversationId), _keys.ThreadIndex],
            [key.Encode(), turnJson, _options.TurnsKept, turn?.At.ToUnixTimeMilliseconds() ?? 0, key.ConversationId])).ConfigureAwait(false);
    }

    public async ValueTask FailAsync(FailedTurn failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await RedisFailures.Guard(() => _db.ScriptEvaluateAsync(
            RedisScripts.Fail,
            [_keys.Inbox, _keys.Leases, _keys.Attempts, _keys.FailedIndex, _keys.Failed(failure.Key)],
            [failure.Key.Encode(), failure.ActivityJson, failure.FailedAt.ToUnixTimeMilliseconds(), failure.Reason, failure.MayHaveBeenDelivered ? 1 : 0]))
            .ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<FailedTurn>> ListFailedAsync(CancellationToken cancellationToken)
    {
        var members = await RedisFailures.Guard(() => _db.SortedSetRangeByRankAsync(_keys.FailedIndex)).ConfigureAwait(false);
        var keys = members.Select(m => ActivityKey.Parse((string)m!)).ToList();
        var records = await RedisFailures.Guard(() =>
        {
            var batch = _db.CreateBatch();
            var reads = keys.Select(key => batch.HashGetAsync(_keys.Failed(key), FailedFields)).ToList();
            batch.Execute();
            return Task.WhenAll(reads);
        }).ConfigureAwait(false);
        var failed = new List<FailedTurn>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var values = records[i];
            if (values[0].IsNull)
            {
                continue; // replayed between the two reads
            }

            failed.Add(new FailedTurn(
                keys[i], (byte[])values[0]!, DateTimeOffset.FromUnixTimeMilliseconds((long)values[1]), (string)values[2]!, (string?)values[3] == "1"));
        }

        return failed;
    }

    public async ValueTask<bool> ReplayAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        var result = await RedisFailures.Guard(() => _db.ScriptEvaluateAsync(
            RedisScripts.Replay, [_keys.FailedIndex, _keys.Failed(key), _keys.Inbox, _keys.Leases, _keys.Attempts], [key.Encode()])).ConfigureAwait(false);
        return (long)result == 1;
    }

    public async ValueTask RenewLeasesAsync(IReadOnlyCollection<ActivityKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var lease = NowMs() + LeaseMs;
        var entries = keys.Select(k => new SortedSetEntry(k.Encode(), lease)).ToArray();

        // Only leases that still exist are extended: a finished activity must not reappear.
        await RedisFailures.Guard(() => _db.SortedSetAddAsync(_keys.Leases, entries, SortedSetWhen.Exists)).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<PendingActivity>> TakeExpiredAsync(int max, CancellationToken cancellationToken)
    {
        var now = NowMs();
        var result = (RedisResult[])(await RedisFailures.Guard(() => _db.ScriptEvaluateAsync(
            RedisScripts.TakeExpired, [_keys.Leases, _keys.Inbox, _keys.Attempts], [now, max, now + LeaseMs])).ConfigureAwait(false))!;
        var taken = new List<PendingActivity>(result.Length / 3);
        for (var i = 0; i + 2 < result.Length; i += 3)
        {
            taken.Add(new PendingActivity(ActivityKey.Parse((string)result[i]!), (byte[])result[i + 1]!, (int)result[i + 2]));
        }

        return taken;
    }

    public async ValueTask<IReadOnlyList<ThreadTurn>> GetThreadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var items = await RedisFailures.Guard(() => _db.ListRangeAsync(_keys.Thread(conversationId))).ConfigureAwait(false);
        var turns = new List<ThreadTurn>(items.Length);
        foreach (var item in items)
        {
            if (JsonSerializer.Deserialize((byte[])item!, ConversationJson.Default.ThreadTurn) is { } turn)
            {
                turns.Add(turn);
            }
        }

        return turns;
    }

    public async ValueTask ResetThreadAsync(string conversationId, CancellationToken cancellationToken) =>
        await RedisFailures.Guard(() =>
        {
            var batch = _db.CreateBatch();
            var delete = batch.KeyDeleteAsync(_keys.Thread(conversationId));
            var unindex = batch.SortedSetRemoveAsync(_keys.ThreadIndex, conversationId);
            batch.Execute();
            return Task.WhenAll(delete, unindex);
        }).ConfigureAwait(false);

    public async ValueTask<string?> GetAudienceAsync(string userKey, CancellationToken cancellationToken) =>
        await RedisFailures.Guard(() => _db.StringGetAsync(_keys.User(userKey))).ConfigureAwait(false) is { IsNull: false } value
            ? (string?)value
            : null;

    public async ValueTask SetAudienceAsync(string userKey, string audience, CancellationToken cancellationToken) =>
        await RedisFailures.Guard(() =>
        {
            var batch = _db.CreateBatch();
            var set = batch.StringSetAsync(_keys.User(userKey), audience);
            var index = batch.SortedSetAddAsync(_keys.UserIndex, userKey, NowMs());
            batch.Execute();
            return Task.WhenAll(set, index);
        }).ConfigureAwait(false);

    public async ValueTask AddFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);

        // A unique prefix keeps two identical ratings from collapsing into one set member.
        var member = Guid.NewGuid().ToString("N") + FeedbackIdSeparator + JsonSerializer.Serialize(feedback, ConversationJson.Default.FeedbackRecord);
        await RedisFailures.Guard(() => _db.SortedSetAddAsync(_keys.Feedback, member, feedback.At.ToUnixTimeMilliseconds())).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<FeedbackRecord> ReadFeedbackAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int pageSize = 500;
        for (long start = 0; ; start += pageSize)
        {
            var first = start;
            var page = await RedisFailures.Guard(() => _db.SortedSetRangeByRankAsync(_keys.Feedback, first, first + pageSize - 1)).ConfigureAwait(false);
            foreach (var member in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = (string)member!;
                var json = text[(text.IndexOf(FeedbackIdSeparator, StringComparison.Ordinal) + 1)..];
                if (JsonSerializer.Deserialize(json, ConversationJson.Default.FeedbackRecord) is { } record)
                {
                    yield return record;
                }
            }

            if (page.Length < pageSize)
            {
                yield break;
            }
        }
    }

    public async ValueTask<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        // Claims of finished activities expire by themselves (PX on the claim key).
        var result = await RedisFailures.Guard(() => _db.ScriptEvaluateAsync(
            RedisScripts.Purge, [_keys.ThreadIndex, _keys.UserIndex, _keys.Feedback, _keys.FailedIndex],
            [olderThan.ToUnixTimeMilliseconds(), _keys.Prefix])).ConfigureAwait(false);
        return (int)result;
    }

    public async ValueTask PingAsync(CancellationToken cancellationToken) => await RedisFailures.Guard(() => _db.PingAsync()).ConfigureAwait(false);

    private long LeaseMs => (long)_options.InboxLease.TotalMilliseconds;

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
