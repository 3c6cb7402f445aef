using System.ComponentModel.DataAnnotations;

namespace OracleBot.Protocol.Authentication;

/// <summary>
/// The bot's app id and inbound token validation settings, bound to the <c>Bot</c> configuration section.
/// An empty <see cref="AppId"/> means local development: requests are accepted anonymously, which the bot
/// allows only in the Development environment or with <see cref="AllowUnauthenticated"/>.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultIssuer = "https://api.botframework.com";

    /// <summary>The bot's Microsoft App ID; the audience every channel token must carry.</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// Run without an app id outside the Development environment, accepting requests from anyone. Only for a
    /// local stand-in such as the Agents Playground; without it a missing app id stops the bot at start.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

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

    /// <summary>
    /// No app id: inbound requests are not authenticated and replies carry no token. The one place that decides it.
    /// </summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    internal IReadOnlyList<string> EffectiveIssuers => ValidIssuers.Count == 0 ? [DefaultIssuer] : [.. ValidIssuers];
}
