using System.ComponentModel.DataAnnotations;

namespace OracleBot.Protocol.Authentication;

/// <summary>
/// Inbound token validation settings, bound to the <c>Bot</c> configuration section.
/// An empty <see cref="AppId"/> means local development: requests are accepted anonymously.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultIssuer = "https://api.botframework.com";

    /// <summary>The bot's Microsoft App ID; the audience every channel token must carry.</summary>
    public string? AppId { get; set; }

    /// <summary>OpenID metadata document whose <c>jwks_uri</c> lists the channel's signing keys.</summary>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Accepted <c>iss</c> values; empty means <see cref="DefaultIssuer"/>.</summary>
    /// <remarks>A list rather than a pre-filled default: the configuration binder appends to existing items.</remarks>
    public IList<string> ValidIssuers { get; } = [];

    /// <summary>Refuse plain-http metadata and key URLs. Only loopback tests turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerance applied to <c>nbf</c> and <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are refetched at least this often even when every kid is known.</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Minimum pause between key fetches triggered by an unknown kid or a failed fetch.</summary>
    public TimeSpan SigningKeyRefreshCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many distinct validated tokens are remembered until they expire.</summary>
    [Range(1, 1_000_000)]
    public int ValidatedTokenCacheSize { get; set; } = 4096;

    internal bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    internal IReadOnlyList<string> EffectiveIssuers => ValidIssuers.Count == 0 ? [DefaultIssuer] : [.. ValidIssuers];
}
