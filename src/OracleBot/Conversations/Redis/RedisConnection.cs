using StackExchange.Redis;

namespace OracleBot.Conversations.Redis;

/// <summary>How the bot connects to Redis, whatever the configured connection string says about failures.</summary>
internal static class RedisConnection
{
    public static IConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);

        // A Redis that is down when the bot starts must not stop the bot: it starts, reports not ready on
        // /readyz and connects as soon as Redis answers.
        options.AbortOnConnectFail = false;

        // While disconnected, commands fail at once instead of queueing for the command timeout: an inbound
        // activity gets its 503 (and the channel redelivers it) without holding the request open for seconds.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(options);
    }
}
