using System.Collections.Concurrent;
using OracleBot.Conversations;

namespace OracleBot.Turns;

/// <summary>The accepted activities this instance holds (queued or being answered), whose inbox leases it keeps renewing.</summary>
internal sealed class InFlightTurns
{
    private readonly ConcurrentDictionary<ActivityKey, byte> _keys = new();

    public bool Add(ActivityKey key) => _keys.TryAdd(key, 0);

    public void Remove(ActivityKey key) => _keys.TryRemove(key, out _);

    public int Count => _keys.Count;

    public IReadOnlyCollection<ActivityKey> Snapshot() => [.. _keys.Keys];
}
