namespace OracleBot.Answers.PubMed;

/// <summary>The cache in memory, for a host without a conversation store (the separate answer service).</summary>
public sealed class MemoryPubMedCache(int capacity, TimeProvider time) : IPubMedCache
{
    private readonly Dictionary<string, (string Value, DateTimeOffset Expires, LinkedListNode<string> Node)> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();
    private readonly Lock _lock = new();

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return ValueTask.FromResult<string?>(null);
            }

            if (entry.Expires > time.GetUtcNow())
            {
                return ValueTask.FromResult<string?>(entry.Value);
            }

            Remove(key, entry.Node);
            return ValueTask.FromResult<string?>(null);
        }
    }

    public ValueTask SetAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (capacity <= 0 || lifetime <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                Remove(key, old.Node);
            }

            // Oldest written first out: records and searches are rewritten when they expire, not on each use.
            while (_entries.Count >= capacity && _order.First is { } oldest)
            {
                Remove(oldest.Value, oldest);
            }

            _entries[key] = (value, time.GetUtcNow() + lifetime, _order.AddLast(key));
        }

        return ValueTask.CompletedTask;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    private void Remove(string key, LinkedListNode<string> node)
    {
        _entries.Remove(key);
        _order.Remove(node);
    }
}
