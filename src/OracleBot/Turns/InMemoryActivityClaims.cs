using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OracleBot.Turns;

/// <summary>Claims held in this process for <see cref="TurnOptions.DuplicateWindow"/>; enough for one instance.</summary>
internal sealed class InMemoryActivityClaims(IOptions<TurnOptions> options, TimeProvider time) : IActivityClaims
{
    private readonly ConcurrentDictionary<(string, string), long> _claims = new();
    private long _nextSweep;

    public bool TryClaim(string conversationId, string activityId)
    {
        var now = time.GetTimestamp();
        SweepIfDue(now);
        return _claims.TryAdd((conversationId, activityId), now);
    }

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + time.TimestampFrequency * 30, due) != due)
        {
            return;
        }

        var window = options.Value.DuplicateWindow;
        foreach (var (key, claimedAt) in _claims)
        {
            if (time.GetElapsedTime(claimedAt, now) > window)
            {
                _claims.TryRemove(key, out _);
            }
        }
    }
}
