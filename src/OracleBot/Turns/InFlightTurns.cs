using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OracleBot.Conversations;

namespace OracleBot.Turns;

/// <summary>
/// The accepted activities this instance holds (queued or being answered), whose inbox leases it keeps renewing,
/// with how long each lease is surely still this instance's.
/// </summary>
internal sealed class InFlightTurns(TimeProvider time, IOptions<ConversationOptions> options)
{
    private readonly ConcurrentDictionary<ActivityKey, long> _heldUntil = new();

    // Counted from before the store call that set the lease, and only two thirds of it: the write took some of it,
    // and another instance compares the lease with its own clock. Renewals come every third of a lease, so an
    // outage of up to a third of a lease leaves every held activity with this instance.
    private readonly long _holdTicks = (long)(options.Value.InboxLease.TotalSeconds * 2 / 3 * time.TimestampFrequency);

    public int Count => _heldUntil.Count;

    /// <summary>A timestamp to take just before the store call that leases activities (accept, take over, renew).</summary>
    public long Now() => time.GetTimestamp();

    /// <summary>Adds an activity leased by a store call that started at <paramref name="leasedAt"/>; false if already held.</summary>
    public bool Add(ActivityKey key, long leasedAt) => _heldUntil.TryAdd(key, leasedAt + _holdTicks);

    public void Remove(ActivityKey key) => _heldUntil.TryRemove(key, out _);

    public IReadOnlyCollection<ActivityKey> Snapshot() => [.. _heldUntil.Keys];

    /// <summary>Records a lease renewal that started at <paramref name="renewedAt"/> and succeeded.</summary>
    public void Renewed(IEnumerable<ActivityKey> keys, long renewedAt)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            // Never re-adds a key removed meanwhile.
            if (_heldUntil.TryGetValue(key, out var until) && until < renewedAt + _holdTicks)
            {
                _heldUntil.TryUpdate(key, renewedAt + _holdTicks, until);
            }
        }
    }

    /// <summary>
    /// True while no other instance can have taken the activity over. After a store outage longer than that, an
    /// unanswered activity is left to the inbox recovery, whose take-over is atomic, rather than answered here too.
    /// </summary>
    public bool HoldsLease(ActivityKey key) => _heldUntil.TryGetValue(key, out var until) && time.GetTimestamp() < until;
}
