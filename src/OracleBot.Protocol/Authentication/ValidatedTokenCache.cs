using System.Collections.Concurrent;

namespace OracleBot.Protocol.Authentication;

/// <summary>
/// Remembers tokens that passed validation until their expiry (plus skew). A channel reuses one token for
/// many requests, so this turns signature checks into a dictionary lookup on the hot path. Only successes
/// are cached; the per-activity checks still run on every request.
/// </summary>
internal sealed class ValidatedTokenCache(int capacity, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Looks a token up without allocating a string for it.</summary>
    public CacheLookup TryGet(ReadOnlySpan<char> token, out Task<ChannelIdentity>? identity)
    {
        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(token, out var entry))
        {
            identity = null;
            return CacheLookup.Miss;
        }

        if (time.GetUtcNow() > entry.ValidUntil)
        {
            lookup.TryRemove(token, out _);
            identity = null;
            return CacheLookup.Expired;
        }

        identity = entry.Identity;
        return CacheLookup.Hit;
    }

    public void Add(string token, ChannelIdentity identity, DateTimeOffset validUntil)
    {
        if (_entries.Count >= capacity)
        {
            Evict();
        }

        _entries[token] = new Entry(Task.FromResult(identity), validUntil);
    }

    private void Evict()
    {
        var now = time.GetUtcNow();
        foreach (var (token, entry) in _entries)
        {
            if (now > entry.ValidUntil)
            {
                _entries.TryRemove(token, out _);
            }
        }

        // Still full of live tokens: far more callers than any channel produces, so start over rather than grow.
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
    }

    // The completed task is stored so that a cache hit allocates nothing.
    private sealed record Entry(Task<ChannelIdentity> Identity, DateTimeOffset ValidUntil);
}

internal enum CacheLookup
{
    Miss,
    Hit,
    Expired,
}
