using System.ComponentModel.DataAnnotations;

namespace OracleBot.Protocol.Connector;

/// <summary>Connector HTTP behaviour, bound to <c>Bot:Connector</c>. Delays are settable so tests run fast.</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Bot:Connector";

    /// <summary>
    /// How long a message or update keeps being retried after failures that prove it was not delivered
    /// (429, 412, 502, 503, 504, a connection that never opened, a token endpoint that failed). A reply
    /// still undelivered when it closes fails, and the turn is kept for replay. A call ends at most one
    /// <see cref="AttemptTimeout"/> after the window closes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DeliveryWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Retries of a typing indicator or a streaming progress update: worth nothing late, so they get a few
    /// quick retries instead of the delivery window.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff delay; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on any single delay, including one asked for by <c>Retry-After</c>.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>One attempt: obtaining the token, then sending until the response headers arrive.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100_000)]
    public int MaxConnectionsPerServer { get; set; } = 512;

    /// <summary>Recycles pooled connections so DNS changes of the connector are picked up.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
