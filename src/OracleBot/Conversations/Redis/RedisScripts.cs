namespace OracleBot.Conversations.Redis;

/// <summary>
/// The Lua scripts that make multi-key changes atomic. Every key lives under one prefix on one Redis
/// (not a cluster): the purge builds thread and user keys from that prefix.
/// </summary>
internal static class RedisScripts
{
    // KEYS: claim, inbox, leases, attempts. ARGV: claim window ms, field, payload, lease-until ms.
    public const string Accept = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
          redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
          redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
          redis.call('HSET', KEYS[4], ARGV[2], 1)
          return 1
        end
        return 0
        """;

    // KEYS: inbox, leases, attempts, thread list, thread index. ARGV: field, turn json or '', turns kept, at ms, conversation id.
    // The turn is appended only by the call that takes the activity out of the inbox: a completion retried after
    // its reply was lost (Redis went away mid-call) must not add the turn twice.
    public const string Complete = """
        local pending = redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('HDEL', KEYS[3], ARGV[1])
        if pending == 1 and ARGV[2] ~= '' then
          redis.call('RPUSH', KEYS[4], ARGV[2])
          redis.call('LTRIM', KEYS[4], -tonumber(ARGV[3]), -1)
          redis.call('ZADD', KEYS[5], ARGV[4], ARGV[5])
        end
        return 1
        """;

    // KEYS: inbox, leases, attempts, failed index, failed record. ARGV: field, payload, at ms, reason, uncertain (0/1).
    // As with Complete, only the call that takes the activity out of the inbox records it.
    public const string Fail = """
        local pending = redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('HDEL', KEYS[3], ARGV[1])
        if pending == 0 then
          return 0
        end
        redis.call('HSET', KEYS[5], 'payload', ARGV[2], 'at', ARGV[3], 'reason', ARGV[4], 'uncertain', ARGV[5])
        redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
        return 1
        """;

    // KEYS: failed index, failed record, inbox, leases, attempts. ARGV: field. The activity goes back to the inbox
    // with an expired lease and no attempts (unless it is pending there already); returns 0 when there is no failure.
    public const string Replay = """
        local payload = redis.call('HGET', KEYS[2], 'payload')
        redis.call('ZREM', KEYS[1], ARGV[1])
        if not payload then
          return 0
        end
        redis.call('DEL', KEYS[2])
        if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 0 then
          redis.call('HSET', KEYS[3], ARGV[1], payload)
          redis.call('ZADD', KEYS[4], 0, ARGV[1])
          redis.call('HSET', KEYS[5], ARGV[1], 0)
        end
        return 1
        """;

    // KEYS: leases, inbox, attempts. ARGV: now ms, max, new lease-until ms. Returns field, payload, attempts triples.
    public const string TakeExpired = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        local out = {}
        for _, id in ipairs(ids) do
          local payload = redis.call('HGET', KEYS[2], id)
          if payload then
            redis.call('ZADD', KEYS[1], ARGV[3], id)
            local attempts = redis.call('HINCRBY', KEYS[3], id, 1)
            table.insert(out, id)
            table.insert(out, payload)
            table.insert(out, attempts)
          else
            redis.call('ZREM', KEYS[1], id)
          end
        end
        return out
        """;

    // KEYS: thread index, user index, feedback, failed index. ARGV: cutoff ms (exclusive), key prefix.
    public const string Purge = """
        local bound = '(' .. ARGV[1]
        local n = 0
        for _, c in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', bound)) do
          redis.call('DEL', ARGV[2] .. 't:' .. c)
          n = n + 1
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', bound)
        for _, u in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', bound)) do
          redis.call('DEL', ARGV[2] .. 'u:' .. u)
          n = n + 1
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', bound)
        for _, f in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', bound)) do
          redis.call('DEL', ARGV[2] .. 'f:' .. f)
          n = n + 1
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', bound)
        return n + redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', bound)
        """;
}
