namespace OracleBot.Conversations;

/// <summary>
/// Everything a conversation leaves behind, shared by all instances of the bot: which activities were
/// accepted (exactly-once claims and the durable inbox of accepted but unanswered ones), the turns that
/// failed and wait for replay, each thread's recent turns, each user's preferences and the feedback given on answers.
/// </summary>
public interface IConversationStore
{
    /// <summary>
    /// Atomically claims <paramref name="key"/> and records the activity as accepted but unanswered, leased to
    /// this instance. False when the key was claimed before (a redelivery): the caller acknowledges and drops it.
    /// </summary>
    ValueTask<bool> TryAcceptAsync(ActivityKey key, ReadOnlyMemory<byte> activityJson, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an accepted activity done and, when it was answered, appends its turn to the thread in the same write.
    /// Safe to repeat: only the call that finds the activity still pending appends the turn.
    /// </summary>
    ValueTask CompleteAsync(ActivityKey key, ThreadTurn? turn, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an accepted activity done without a turn and keeps it, with why it failed, for replay, in one write.
    /// Only the call that finds the activity pending records it: a repeated call adds nothing, and an activity
    /// another instance answered meanwhile is not offered for replay.
    /// </summary>
    ValueTask FailAsync(FailedTurn failure, CancellationToken cancellationToken);

    /// <summary>Every failed turn waiting for replay, oldest first.</summary>
    ValueTask<IReadOnlyList<FailedTurn>> ListFailedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves a failed turn back into the inbox with an expired lease and no attempts, so the next inbox recovery
    /// (of any instance) answers it again, and deletes the failure in the same write. False when there is no such
    /// failure (never recorded, or replayed already): replaying twice queues it once.
    /// </summary>
    ValueTask<bool> ReplayAsync(ActivityKey key, CancellationToken cancellationToken);

    /// <summary>Extends the lease of activities this instance is still working on, so no other instance takes them over.</summary>
    ValueTask RenewLeasesAsync(IReadOnlyCollection<ActivityKey> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over accepted activities whose lease ran out (their instance died or stopped before answering):
    /// leases them to the caller and counts the attempt.
    /// </summary>
    ValueTask<IReadOnlyList<PendingActivity>> TakeExpiredAsync(int max, CancellationToken cancellationToken);

    /// <summary>The thread's most recent turns, oldest first; empty for a new thread.</summary>
    ValueTask<IReadOnlyList<ThreadTurn>> GetThreadAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Forgets the thread's turns ("new topic").</summary>
    ValueTask ResetThreadAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The audience the user chose, or null when they never chose one.</summary>
    ValueTask<string?> GetAudienceAsync(string userKey, CancellationToken cancellationToken);

    ValueTask SetAudienceAsync(string userKey, string audience, CancellationToken cancellationToken);

    ValueTask AddFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken);

    /// <summary>All stored feedback, oldest first.</summary>
    IAsyncEnumerable<FeedbackRecord> ReadFeedbackAsync(CancellationToken cancellationToken);

    /// <summary>A cheap round trip to the backing store, for readiness; throws when the store cannot serve.</summary>
    ValueTask PingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes thread state, preferences, feedback and failed turns last written before <paramref name="olderThan"/>, and
    /// claims of finished activities older than the claim window. Returns how many records went.
    /// </summary>
    ValueTask<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
