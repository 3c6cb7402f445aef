using OracleBot.Answers.PubMed;
using StackExchange.Redis;

namespace OracleBot.PubMed;

/// <summary>
/// The PubMed cache in the bot's Redis, shared by every instance: each entry a key with its own expiry, and an
/// index of keys by write time that keeps the count within bounds (the oldest written go first).
/// </summary>
internal sealed class RedisPubMedCache(IConnectionMultiplexer redis, string prefix, int capacity, TimeProvider time) : IPubMedCache
{
    // KEYS: entry, index. ARGV: value, lifetime ms, written at ms, capacity.
    private const string Set = """
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1])
        local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
        if over > 0 then
          local oldest = redis.call('ZRANGE', KEYS[2], 0, over - 1)
          redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
          for _, key in ipairs(oldest) do
            if key ~= KEYS[1] then redis.call('DEL', key) end
          end
        end
        return 1
        """;

    private readonly string _prefix = prefix + "pubmed:c:";
    private readonly RedisKey _index = prefix + "pubmed:index";

    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(_prefix + key).WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : (string?)value;
    }

    public async ValueTask SetAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (capacity <= 0 || lifetime <= TimeSpan.Zero)
        {
            return;
        }

        await redis.GetDatabase().ScriptEvaluateAsync(
            Set,
            [_prefix + key, _index],
            [value, (long)lifetime.TotalMilliseconds, time.GetUtcNow().ToUnixTimeMilliseconds(), capacity]).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entries the index holds (tests check the bound).</summary>
    public async Task<long> CountAsync() => await redis.GetDatabase().SortedSetLengthAsync(_index).ConfigureAwait(false);
}
