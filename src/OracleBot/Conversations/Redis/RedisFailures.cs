using StackExchange.Redis;

namespace OracleBot.Conversations.Redis;

/// <summary>Which Redis failures mean "not reachable right now" rather than a fault in the request itself.</summary>
internal static class RedisFailures
{
    // Server replies of a Redis that is up but cannot serve yet: reading its append-only file after a restart,
    // running a long script, a replica during failover.
    private static readonly string[] TransientReplies = ["LOADING", "BUSY", "MASTERDOWN", "READONLY", "TRYAGAIN"];

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => TransientReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>Runs one store operation, reporting an unreachable Redis as <see cref="ConversationStoreUnavailableException"/>.</summary>
    public static async ValueTask<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            // The message names the failure kind only: Redis messages can carry the endpoint.
            throw new ConversationStoreUnavailableException($"Redis is unavailable ({ex.GetType().Name}).", ex);
        }
    }
}
