using StackExchange.Redis;

namespace OracleBot.Conversations.Redis;

/// <summary>The key names of the Redis store, all under one configurable prefix.</summary>
internal sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey Inbox { get; } = prefix + "inbox";

    public RedisKey Leases { get; } = prefix + "leases";

    public RedisKey Attempts { get; } = prefix + "attempts";

    public RedisKey ThreadIndex { get; } = prefix + "threads";

    public RedisKey UserIndex { get; } = prefix + "users";

    public RedisKey Feedback { get; } = prefix + "feedback";

    public RedisKey Claim(ActivityKey key) => Prefix + "c:" + key.Encode();

    public RedisKey Thread(string conversationId) => Prefix + "t:" + conversationId;

    public RedisKey User(string userKey) => Prefix + "u:" + userKey;
}
