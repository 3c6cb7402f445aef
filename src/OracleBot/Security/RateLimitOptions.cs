using System.ComponentModel.DataAnnotations;

namespace OracleBot.Security;

/// <summary>Inbound rate limits per user and per tenant (section <c>Bot:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Bot:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Messages one user may send per <see cref="Window"/>; a person reading answers sends far fewer.</summary>
    [Range(1, 1_000_000)]
    public int PerUser { get; set; } = 20;

    /// <summary>Messages all users of one tenant may send together per <see cref="Window"/>.</summary>
    [Range(1, 10_000_000)]
    public int PerTenant { get; set; } = 2_000;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
