using System.ComponentModel.DataAnnotations;

namespace OracleBot.Security;

/// <summary>Who may talk to the bot and through which connector (section <c>Bot</c>).</summary>
public sealed class InboundSecurityOptions : IValidatableObject
{
    public const string SectionName = "Bot";

    /// <summary>Microsoft Entra tenant ids whose users may use the bot; empty allows every tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>What a user from another tenant gets: a polite refusal card, or nothing at all.</summary>
    public TenantRefusal TenantRefusal { get; set; } = TenantRefusal.Card;

    /// <summary>
    /// Connector URLs (prefixes, e.g. <c>https://smba.trafficmanager.net/</c>) the bot may reply to. Empty allows
    /// any https URL. Plain http is allowed only when listed here, in Development, or when the bot runs without an app id.
    /// </summary>
    public IList<string> AllowedServiceUrls { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var url in AllowedServiceUrls)
        {
            if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return new ValidationResult($"Bot:AllowedServiceUrls entry '{url}' is not an absolute http(s) URL.", [nameof(AllowedServiceUrls)]);
            }
        }
    }
}

/// <summary>How activities from a tenant outside <see cref="InboundSecurityOptions.AllowedTenants"/> are answered.</summary>
public enum TenantRefusal
{
    /// <summary>Reply once with a card saying the bot is not available to the user's organisation.</summary>
    Card,

    /// <summary>Acknowledge and do nothing.</summary>
    Silent,
}
