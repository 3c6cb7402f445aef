using OracleBot.Answers.PubMed;
using StackExchange.Redis;

namespace OracleBot.PubMed;

/// <summary>
/// The rate gate shared by every instance on one Redis: the turns are members of one sorted set, scored with the
/// time they are free again (a lease while the request is under way, a window after its response once it is
/// over). Scripts run in Redis, so instances never race and Redis's clock is the only clock. A caller without a
/// turn looks again shortly, until its time is up. A Redis that does not answer gives no turn: pacing fails
/// closed, never open. An instance that dies mid-request frees its turn when the lease runs out.
/// </summary>
internal sealed class RedisPubMedRateGate(IConnectionMultiplexer redis, string prefix, double requestsPerSecond) : IPubMedRateGate
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LookAgain = TimeSpan.FromMilliseconds(25);

    // KEYS: turns, pause. ARGV: turns allowed, lease ms, id.
    // Returns 0 when the turn is taken, a positive pause in ms while NCBI's pause lasts, -1 when no turn is free.
    private const string Take = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
        if paused > now then
          return paused - now
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
          return -1
        end
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
        return 0
        """;

    // KEYS: turns. ARGV: window ms, id.
    private const string End = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
        return 1
        """;

    // KEYS: pause. ARGV: pause ms.
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

    public async ValueTask<IPubMedTurn?> WaitTurnAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + maxWait;
        var id = Guid.NewGuid().ToString("N");
        while (true)
        {
            long result;
            try
            {
                result = (long)await redis.GetDatabase().ScriptEvaluateAsync(
                    Take, [_turns, _pause], [_shape.Requests, (long)Lease.TotalMilliseconds, id]).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return null;
            }

            if (result == 0)
            {
                return new Turn(this, id);
            }

            var wait = result > 0 ? TimeSpan.FromMilliseconds(result) : LookAgain;
            if (DateTimeOffset.UtcNow + wait > deadline)
            {
                return null;
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
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
            // The other instances find NCBI's 429 for themselves; this one already waits.
        }
    }

    private Task<RedisResult> EndTurnAsync(string id) =>
        redis.GetDatabase().ScriptEvaluateAsync(End, [_turns], [(long)_shape.Window.TotalMilliseconds, id]);

    private sealed class Turn(RedisPubMedRateGate gate, string id) : IPubMedTurn
    {
        public async ValueTask EndAsync()
        {
            try
            {
                await gate.EndTurnAsync(id).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The lease frees the turn later instead: slower, never faster than allowed.
            }
        }
    }
}
