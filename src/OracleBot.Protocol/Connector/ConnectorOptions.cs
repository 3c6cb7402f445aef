using System.ComponentModel.DataAnnotations;

namespace OracleBot.Protocol.Connector;

/// <summary>Connector HTTP behaviour, bound to <c>Bot:Connector</c>. Delays are settable so tests run fast.</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Bot:Connector";

    /// <summary>Retries after the first attempt, for responses that prove the request was not processed.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff delay; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on any single delay, including one asked for by <c>Retry-After</c>.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on a whole call, retries and delays included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    [Range(1, 100_000)]
    public int MaxConnectionsPerServer { get; set; } = 512;

    /// <summary>Recycles pooled connections so DNS changes of the connector are picked up.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
