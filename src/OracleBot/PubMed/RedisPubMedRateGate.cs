using OracleBot.Answers.PubMed;
using StackExchange.Redis;

namespace OracleBot.PubMed;

/// <summary>
/// The rate gate shared by every instance on one Redis: the turns reserved by all of them are kept in one list,
/// and a script run in Redis (so instances never race, and Redis's clock is the only clock) gives each request
/// the first turn that keeps the last window within the limit. A Redis that does not answer gives no turn:
/// pacing fails closed, never open.
/// </summary>
internal sealed class RedisPubMedRateGate(IConnectionMultiplexer redis, string prefix, double requestsPerSecond) : IPubMedRateGate
{
    // KEYS: turns list, pause key. ARGV: requests per window, window ms, max wait ms.
    // Returns the wait in ms for the reserved turn, or -1 when it would be further away than the max wait.
    private const string Reserve = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local turn = math.max(now, tonumber(redis.call('GET', KEYS[2]) or '0'))
        local n = tonumber(ARGV[1])
        local len = redis.call('LLEN', KEYS[1])
        if len >= n then
          turn = math.max(turn, tonumber(redis.call('LINDEX', KEYS[1], len - n)) + tonumber(ARGV[2]))
        end
        if turn - now > tonumber(ARGV[3]) then
          return -1
        end
        redis.call('RPUSH', KEYS[1], turn)
        redis.call('LTRIM', KEYS[1], -n, -1)
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + (turn - now) + 1000)
        return turn - now
        """;

    // KEYS: pause key. ARGV: pause ms.
    private const string Pause = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local untilMs = now + tonumber(ARGV[1])
        if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then
          redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[1]) + 1000)
        end
        return 1
        """;

    private readonly RedisKey _turns = prefix + "pubmed:turns";
    private readonly RedisKey _pause = prefix + "pubmed:pause";
    private readonly (int Requests, TimeSpan Window) _shape = IPubMedRateGate.Shape(requestsPerSecond);

    public async ValueTask<bool> WaitTurnAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (maxWait < TimeSpan.Zero)
        {
            return false;
        }

        long wait;
        try
        {
            wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(
                Reserve, [_turns, _pause], [_shape.Requests, (long)_shape.Window.TotalMilliseconds, (long)maxWait.TotalMilliseconds]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }

        if (wait < 0)
        {
            return false;
        }

        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async ValueTask PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(Pause, [_pause], [(long)Math.Max(1, delay.TotalMilliseconds)])
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The request that saw the 429 still waits its own turn; the others find NCBI's 429 themselves.
        }
    }
}
