using OracleBot.Protocol.Schema;

namespace OracleBot.Protocol.Authentication;

/// <summary>
/// Outcome of validating a channel's bearer token.
/// </summary>
/// <param name="IsAuthenticated">The token is valid, or the bot runs without an App ID (anonymous local development).</param>
/// <param name="IsAnonymous">No App ID is configured, so nothing was checked.</param>
/// <param name="FailureReason">Why the token was rejected; never contains token content.</param>
/// <param name="Endorsements">Channel ids the signing key is endorsed for (e.g. <c>msteams</c>).</param>
/// <param name="ServiceUrlClaim">The token's <c>serviceurl</c> claim.</param>
public sealed record ChannelIdentity(
    bool IsAuthenticated,
    bool IsAnonymous,
    string? FailureReason,
    IReadOnlyList<string> Endorsements,
    string? ServiceUrlClaim)
{
    /// <summary>The identity used when no App ID is configured.</summary>
    public static ChannelIdentity Anonymous { get; } = new(true, true, null, [], null);

    /// <summary>A rejected token.</summary>
    public static ChannelIdentity Failed(string reason) => new(false, false, reason, [], null);

    /// <summary>A token whose signature, issuer, audience and lifetime are valid.</summary>
    public static ChannelIdentity Authenticated(IReadOnlyList<string> endorsements, string? serviceUrlClaim) =>
        new(true, false, null, endorsements, serviceUrlClaim);

    /// <summary>
    /// Second phase: the signing key must be endorsed for <c>activity.channelId</c>, and the token's
    /// <c>serviceurl</c> claim must name <c>activity.serviceUrl</c>, which is where replies carrying the bot's
    /// own token will go. URLs compare case-insensitively and ignore one trailing slash: both spellings
    /// address the same connector, so tolerating it widens nothing. Anonymous identities authorize anything.
    /// </summary>
    public bool Authorizes(Activity activity, out string? failureReason)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (IsAnonymous)
        {
            failureReason = null;
            return true;
        }

        if (!IsAuthenticated)
        {
            failureReason = FailureReason ?? "token not validated";
            return false;
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || !IsEndorsedFor(activity.ChannelId))
        {
            failureReason = "signing key is not endorsed for the activity's channel";
            return false;
        }

        if (ServiceUrlClaim is null || activity.ServiceUrl is null || !SameServiceUrl(ServiceUrlClaim, activity.ServiceUrl))
        {
            failureReason = "serviceurl claim does not match the activity's serviceUrl";
            return false;
        }

        failureReason = null;
        return true;
    }

    private bool IsEndorsedFor(string channelId)
    {
        // Indexed loop: this runs for every activity and the list is tiny.
        for (var i = 0; i < Endorsements.Count; i++)
        {
            if (string.Equals(Endorsements[i], channelId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool SameServiceUrl(string a, string b) =>
        WithoutTrailingSlash(a).Equals(WithoutTrailingSlash(b), StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> WithoutTrailingSlash(string url) =>
        url.EndsWith('/') ? url.AsSpan(0, url.Length - 1) : url.AsSpan();
}
