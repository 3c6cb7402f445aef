using System.ComponentModel.DataAnnotations;

namespace OracleBot.Protocol.Connector;

/// <summary>
/// How the bot obtains its outbound connector token, bound to the <c>Bot</c> configuration section. The app
/// id itself is <see cref="Authentication.BotAuthenticationOptions.AppId"/>: without one there is no token
/// (local development against Agents Playground) and these settings are not checked.
/// </summary>
public sealed class BotCredentialOptions
{
    public const string SectionName = "Bot";
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedManagedIdentity = "UserAssignedMSI";
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";

    /// <summary><c>MultiTenant</c> (default; tenant <c>botframework.com</c>), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string AppType { get; set; } = MultiTenant;

    /// <summary>The bot's tenant; required for <c>SingleTenant</c>.</summary>
    public string? TenantId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>PKCS#12 file with the certificate and private key, used instead of a secret.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Client id of the user-assigned managed identity; defaults to the app id.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required]
    public string OAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>Entra authority host, e.g. <c>https://login.microsoftonline.com/</c>; tests point it at a stand-in.</summary>
    public string? AuthorityHost { get; set; }

    /// <summary>Skip Entra instance discovery: needed for a non-Microsoft authority host such as a test stand-in.</summary>
    public bool DisableInstanceDiscovery { get; set; }

    internal bool IsManagedIdentity => string.Equals(AppType, UserAssignedManagedIdentity, StringComparison.OrdinalIgnoreCase);

    internal bool IsSingleTenant => string.Equals(AppType, SingleTenant, StringComparison.OrdinalIgnoreCase);

    internal string Tenant => IsSingleTenant ? TenantId! : "botframework.com";

    /// <summary>What is wrong with these settings for a bot with an app id.</summary>
    internal IEnumerable<string> Problems()
    {
        if (!IsManagedIdentity && !IsSingleTenant && !string.Equals(AppType, MultiTenant, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Bot:AppType must be {MultiTenant}, {SingleTenant} or {UserAssignedManagedIdentity}.";
        }

        if (IsSingleTenant && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return "Bot:TenantId is required when Bot:AppType is SingleTenant.";
        }

        if (!IsManagedIdentity && string.IsNullOrEmpty(ClientSecret) && string.IsNullOrEmpty(CertificatePath))
        {
            yield return "Bot:ClientSecret or Bot:CertificatePath is required when Bot:AppId is set.";
        }

        if (AuthorityHost is not null && !Uri.TryCreate(AuthorityHost, UriKind.Absolute, out _))
        {
            yield return "Bot:AuthorityHost must be an absolute URI.";
        }
    }
}
