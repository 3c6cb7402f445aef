using System.Text;
using OracleBot.Conversations;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>
/// What every <see cref="IConversationStore"/> must do, run against each implementation with a real backend.
/// Time is a manual clock, so leases and retention are tested without waiting.
/// </summary>
public abstract class ConversationStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private protected static ConversationOptions NewOptions() => new()
    {
        InboxLease = Lease,
        TurnsKept = 3,
        RedisKeyPrefix = "test:" + Guid.NewGuid().ToString("N")[..8] + ":",
    };

    /// <summary>A fresh, empty store that uses <see cref="Clock"/>.</summary>
    private protected abstract IConversationStore CreateStore(ConversationOptions options);

    private IConversationStore CreateStore() => CreateStore(NewOptions());

    [Fact]
    public async Task Concurrent_accepts_of_one_activity_claim_it_exactly_once()
    {
        var store = CreateStore();
        var key = NewKey();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => store.TryAcceptAsync(key, Json("a"), default).AsTask())));

        Assert.Single(results, accepted => accepted);
    }

    [Fact]
    public async Task Completed_activity_stays_claimed_and_leaves_the_inbox()
    {
        var store = CreateStore();
        var key = NewKey();
        Assert.True(await store.TryAcceptAsync(key, Json("a"), default));

        await store.CompleteAsync(key, null, default);
        Clock.Advance(Lease * 2);

        Assert.False(await store.TryAcceptAsync(key, Json("a"), default));
        Assert.Empty(await store.TakeExpiredAsync(10, default));
    }

    [Fact]
    public async Task Unanswered_activity_is_taken_over_only_after_its_lease_with_its_payload_and_attempt_count()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryAcceptAsync(key, Json("{\"text\":\"q\"}"), default);

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await store.TakeExpiredAsync(10, default));

        Clock.Advance(TimeSpan.FromSeconds(2));
        var taken = Assert.Single(await store.TakeExpiredAsync(10, default));
        Assert.Equal(key, taken.Key);
        Assert.Equal("{\"text\":\"q\"}", Encoding.UTF8.GetString(taken.ActivityJson.Span));
        Assert.Equal(2, taken.Attempts);

        // The taker now holds the lease: nobody else gets it until that runs out too.
        Assert.Empty(await store.TakeExpiredAsync(10, default));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(3, Assert.Single(await store.TakeExpiredAsync(10, default)).Attempts);
    }

    [Fact]
    public async Task Renewed_lease_keeps_an_activity_with_its_instance()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryAcceptAsync(key, Json("a"), default);

        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(Lease * 2 / 3);
            await store.RenewLeasesAsync([key], default);
        }

        Assert.Empty(await store.TakeExpiredAsync(10, default));
    }

    [Fact]
    public async Task Renewing_a_completed_activity_does_not_bring_it_back()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryAcceptAsync(key, Json("a"), default);
        await store.CompleteAsync(key, null, default);

        await store.RenewLeasesAsync([key], default);
        Clock.Advance(Lease * 3);

        Assert.Empty(await store.TakeExpiredAsync(10, default));
    }

    [Fact]
    public async Task Take_over_is_limited_to_the_batch_size()
    {
        var store = CreateStore();
        for (var i = 0; i < 5; i++)
        {
            await store.TryAcceptAsync(NewKey(), Json("a"), default);
        }

        Clock.Advance(Lease * 2);

        Assert.Equal(3, (await store.TakeExpiredAsync(3, default)).Count);
        Assert.Equal(2, (await store.TakeExpiredAsync(3, default)).Count);
    }

    [Fact]
    public async Task Failed_turn_leaves_the_inbox_and_is_listed_with_its_activity()
    {
        var store = CreateStore();
        var (first, second) = (NewKey(), NewKey());
        await store.TryAcceptAsync(first, Json("{\"text\":\"q1\"}"), default);
        await store.TryAcceptAsync(second, Json("{\"text\":\"q2\"}"), default);

        await store.FailAsync(new FailedTurn(second, Json("{\"text\":\"q2\"}"), Clock.GetUtcNow(), "connector reply answered 503", false), default);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await store.FailAsync(new FailedTurn(first, Json("{\"text\":\"q1\"}"), Clock.GetUtcNow(), "connector timed out after sending", true), default);
        Clock.Advance(Lease * 2);

        Assert.Empty(await store.TakeExpiredAsync(10, default));
        Assert.False(await store.TryAcceptAsync(first, Json("{}"), default));
        var failed = await store.ListFailedAsync(default);
        Assert.Equal([second, first], failed.Select(f => f.Key));
        Assert.Equal("{\"text\":\"q2\"}", Encoding.UTF8.GetString(failed[0].ActivityJson.Span));
        Assert.Equal(("connector reply answered 503", false), (failed[0].Reason, failed[0].MayHaveBeenDelivered));
        Assert.Equal(("connector timed out after sending", true), (failed[1].Reason, failed[1].MayHaveBeenDelivered));
        Assert.Equal(Clock.GetUtcNow() - (Lease * 2), failed[1].FailedAt);
    }

    [Fact]
    public async Task Replay_puts_a_failed_turn_back_in_the_inbox_once()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryAcceptAsync(key, Json("{\"text\":\"q\"}"), default);
        await store.FailAsync(new FailedTurn(key, Json("{\"text\":\"q\"}"), Clock.GetUtcNow(), "connector reply answered 503", false), default);

        var replays = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.ReplayAsync(key, default).AsTask())));

        Assert.Single(replays, replayed => replayed);
        Assert.Empty(await store.ListFailedAsync(default));
        var taken = Assert.Single(await store.TakeExpiredAsync(10, default));
        Assert.Equal(key, taken.Key);
        Assert.Equal("{\"text\":\"q\"}", Encoding.UTF8.GetString(taken.ActivityJson.Span));
        Assert.Equal(1, taken.Attempts);

        // Answered this time: nothing is left to replay or to take over.
        await store.CompleteAsync(key, null, default);
        Assert.False(await store.ReplayAsync(key, default));
        Clock.Advance(Lease * 2);
        Assert.Empty(await store.TakeExpiredAsync(10, default));
        Assert.False(await store.ReplayAsync(NewKey(), default));
    }

    [Fact]
    public async Task Failing_an_activity_that_is_no_longer_pending_records_nothing()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryAcceptAsync(key, Json("a"), default);

        // Answered elsewhere (another instance took it over) before this failure is recorded.
        await store.CompleteAsync(key, null, default);
        await store.FailAsync(new FailedTurn(key, Json("a"), Clock.GetUtcNow(), "connector reply answered 503", false), default);

        Assert.Empty(await store.ListFailedAsync(default));
        Assert.False(await store.ReplayAsync(key, default));
    }

    [Fact]
    public async Task A_repeated_failure_records_once_and_a_replay_that_fails_again_is_listed_again()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryAcceptAsync(key, Json("a"), default);
        await store.FailAsync(new FailedTurn(key, Json("a"), Clock.GetUtcNow(), "connector timed out after sending", true), default);

        // A repeated call (its reply lost) records nothing more.
        Clock.Advance(TimeSpan.FromMinutes(1));
        await store.FailAsync(new FailedTurn(key, Json("a"), Clock.GetUtcNow(), "connector timed out after sending", true), default);
        Assert.Single(await store.ListFailedAsync(default));
        Assert.True(await store.ReplayAsync(key, default));
        Assert.Single(await store.TakeExpiredAsync(10, default));
        await store.FailAsync(new FailedTurn(key, Json("a"), Clock.GetUtcNow(), "connector reply answered 503", false), default);

        var failed = Assert.Single(await store.ListFailedAsync(default));
        Assert.Equal(("connector reply answered 503", false, Clock.GetUtcNow()), (failed.Reason, failed.MayHaveBeenDelivered, failed.FailedAt));
    }

    [Fact]
    public async Task Thread_keeps_its_latest_turns_oldest_first_and_threads_are_separate()
    {
        var store = CreateStore();
        var thread = "19:abc@thread.tacv2;messageid=" + Random.Shared.NextInt64(1, long.MaxValue);
        for (var i = 1; i <= 5; i++)
        {
            var key = new ActivityKey(thread, "m" + i);
            await store.TryAcceptAsync(key, Json("a"), default);
            await store.CompleteAsync(key, Turn(i), default);
        }

        var turns = await store.GetThreadAsync(thread, default);

        Assert.Equal(["question 3", "question 4", "question 5"], turns.Select(t => t.Question));
        Assert.Equal(Turn(5), turns[^1], TurnComparer.Instance);
        Assert.Empty(await store.GetThreadAsync(thread + "-other", default));
    }

    [Fact]
    public async Task Completing_again_after_a_lost_reply_appends_the_turn_once()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryAcceptAsync(key, Json("a"), default);

        await store.CompleteAsync(key, Turn(1), default);
        await store.CompleteAsync(key, Turn(1), default);

        Assert.Equal(["question 1"], (await store.GetThreadAsync(key.ConversationId, default)).Select(t => t.Question));
    }

    [Fact]
    public async Task New_topic_forgets_the_thread()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryAcceptAsync(key, Json("a"), default);
        await store.CompleteAsync(key, Turn(1), default);

        await store.ResetThreadAsync(key.ConversationId, default);

        Assert.Empty(await store.GetThreadAsync(key.ConversationId, default));
    }

    [Fact]
    public async Task Audience_is_kept_per_user()
    {
        var store = CreateStore();
        Assert.Null(await store.GetAudienceAsync("aad:user-1", default));

        await store.SetAudienceAsync("aad:user-1", "nurse", default);
        await store.SetAudienceAsync("aad:user-2", "pharmacist", default);
        await store.SetAudienceAsync("aad:user-1", "student", default);

        Assert.Equal("student", await store.GetAudienceAsync("aad:user-1", default));
        Assert.Equal("pharmacist", await store.GetAudienceAsync("aad:user-2", default));
    }

    [Fact]
    public async Task Feedback_is_read_back_oldest_first_with_every_field()
    {
        var store = CreateStore();
        var first = new FeedbackRecord(Clock.GetUtcNow(), "answer-1", "like", null, null);
        var second = new FeedbackRecord(Clock.GetUtcNow().AddSeconds(1), "answer-2", "dislike", "Cites an old guideline, \"2009\"", "What dose?");
        var sameAsFirst = first with { };

        await store.AddFeedbackAsync(first, default);
        await store.AddFeedbackAsync(second, default);
        await store.AddFeedbackAsync(sameAsFirst, default);

        var all = await ReadAllAsync(store);
        Assert.Equal(3, all.Count);
        // In the store's own order: recorded first, second, third, read back by time.
        Assert.Equal([first, sameAsFirst, second], all);
        Assert.Contains(second, all);
    }

    [Fact]
    public async Task Purge_removes_state_older_than_the_cutoff_and_keeps_the_rest()
    {
        var store = CreateStore();
        var old = NewKey();
        await store.TryAcceptAsync(old, Json("a"), default);
        await store.CompleteAsync(old, Turn(1) with { At = Clock.GetUtcNow() }, default);
        await store.SetAudienceAsync("aad:old", "nurse", default);
        await store.AddFeedbackAsync(new FeedbackRecord(Clock.GetUtcNow(), "old-answer", "like", null, null), default);
        var oldFailure = NewKey();
        await store.TryAcceptAsync(oldFailure, Json("old"), default);
        await store.FailAsync(new FailedTurn(oldFailure, Json("old"), Clock.GetUtcNow(), "connector reply answered 503", false), default);

        Clock.Advance(TimeSpan.FromDays(40));
        var recent = NewKey();
        await store.TryAcceptAsync(recent, Json("a"), default);
        await store.CompleteAsync(recent, Turn(2) with { At = Clock.GetUtcNow() }, default);
        await store.SetAudienceAsync("aad:recent", "patient", default);
        await store.AddFeedbackAsync(new FeedbackRecord(Clock.GetUtcNow(), "recent-answer", "dislike", null, null), default);
        var recentFailure = NewKey();
        await store.TryAcceptAsync(recentFailure, Json("recent"), default);
        await store.FailAsync(new FailedTurn(recentFailure, Json("recent"), Clock.GetUtcNow(), "connector reply answered 503", false), default);

        var purged = await store.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(30), default);

        Assert.True(purged >= 4, $"purged {purged}");
        Assert.Empty(await store.GetThreadAsync(old.ConversationId, default));
        Assert.Null(await store.GetAudienceAsync("aad:old", default));
        Assert.Single(await store.GetThreadAsync(recent.ConversationId, default));
        Assert.Equal("patient", await store.GetAudienceAsync("aad:recent", default));
        Assert.Equal(["recent-answer"], (await ReadAllAsync(store)).Select(f => f.AnswerId));
        Assert.Equal([recentFailure], (await store.ListFailedAsync(default)).Select(f => f.Key));
    }

    private static ActivityKey NewKey() => new("a:" + Guid.NewGuid().ToString("N"), "1:" + Guid.NewGuid().ToString("N")[..12]);

    private static ReadOnlyMemory<byte> Json(string json) => Encoding.UTF8.GetBytes(json);

    private ThreadTurn Turn(int i) => new(
        "question " + i, "bottom line " + i, ["pmid:" + i, "medquad:" + i], "answer-" + i, Clock.GetUtcNow().AddMinutes(i), "msg-" + i);

    private static async Task<List<FeedbackRecord>> ReadAllAsync(IConversationStore store)
    {
        var all = new List<FeedbackRecord>();
        await foreach (var record in store.ReadFeedbackAsync(default))
        {
            all.Add(record);
        }

        return all;
    }

    /// <summary>Records with list members compare by reference; turns are compared field by field.</summary>
    private sealed class TurnComparer : IEqualityComparer<ThreadTurn>
    {
        public static readonly TurnComparer Instance = new();

        public bool Equals(ThreadTurn? x, ThreadTurn? y) =>
            x is not null && y is not null && x.Question == y.Question && x.BottomLine == y.BottomLine && x.AnswerId == y.AnswerId
            && x.At == y.At && x.MessageId == y.MessageId && x.CitedDocumentIds.SequenceEqual(y.CitedDocumentIds);

        public int GetHashCode(ThreadTurn obj) => obj.AnswerId.GetHashCode(StringComparison.Ordinal);
    }
}
