namespace OracleBot.Cards.Text;

/// <summary>Only absolute http(s) URLs of reasonable length may become links or open actions.</summary>
public static class SafeUrl
{
    /// <summary>Longest URL accepted; longer ones are dropped rather than cut (a cut URL would point elsewhere).</summary>
    public const int MaxLength = 2048;

    /// <summary>Returns the URL when it is an absolute http/https URL without credentials; otherwise null.</summary>
    public static string? HttpOrNull(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength)
        {
            return null;
        }

        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0
            || string.IsNullOrEmpty(uri.Host)
            || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        return trimmed;
    }
}
