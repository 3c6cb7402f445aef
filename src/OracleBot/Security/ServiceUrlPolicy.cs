using Microsoft.Extensions.Options;
using OracleBot.Protocol.Authentication;

namespace OracleBot.Security;

/// <summary>
/// Decides whether the bot may send to an activity's <c>serviceUrl</c>. The token already binds the URL to the
/// channel; this keeps replies (and the bot's connector token) off plain http and off hosts the deployment
/// did not list.
/// </summary>
internal sealed class ServiceUrlPolicy
{
    private readonly Uri[] _allowed;
    private readonly bool _insecureAllowed;

    public ServiceUrlPolicy(IOptions<InboundSecurityOptions> options, IOptions<BotAuthenticationOptions> authentication, IHostEnvironment environment)
    {
        _allowed = [.. options.Value.AllowedServiceUrls.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => new Uri(u.Trim(), UriKind.Absolute))];
        _insecureAllowed = environment.IsDevelopment() || authentication.Value.IsAnonymous;
    }

    /// <summary>True for a missing URL too: whether one is required depends on the activity type.</summary>
    public bool Allows(string? serviceUrl, out string reason)
    {
        reason = string.Empty;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return true;
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0)
        {
            reason = "serviceUrl is not an absolute http(s) URL";
            return false;
        }

        if (_allowed.Length > 0)
        {
            if (_allowed.Any(allowed => Matches(allowed, uri)))
            {
                return true;
            }

            reason = "serviceUrl is not in Bot:AllowedServiceUrls";
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttps || _insecureAllowed)
        {
            return true;
        }

        reason = "serviceUrl is not https";
        return false;
    }

    // Compared as parsed URLs, so "https://smba.example" never admits "https://smba.example.evil.test".
    private static bool Matches(Uri allowed, Uri candidate) =>
        string.Equals(allowed.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(allowed.IdnHost, candidate.IdnHost, StringComparison.OrdinalIgnoreCase)
        && allowed.Port == candidate.Port
        && candidate.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.OrdinalIgnoreCase);
}
