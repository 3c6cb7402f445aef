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

    /// <summary>Failed turns by time of failure; each one's record is under <see cref="Failed(ActivityKey)"/>.</summary>
    public RedisKey FailedIndex { get; } = prefix + "failed";

    public RedisKey Claim(ActivityKey key) => Prefix + "c:" + key.Encode();

    public RedisKey Failed(ActivityKey key) => Prefix + "f:" + key.Encode();

    public RedisKey Thread(string conversationId) => Prefix + "t:" + conversationId;

    public RedisKey User(string userKey) => Prefix + "u:" + userKey;
}
