using System.Diagnostics;

namespace OracleBot.Telemetry;

/// <summary>
/// Outbound HTTP spans would carry connector URLs, whose path holds conversation and activity ids (a
/// personal chat's id names the user). Keep the host and the shape of the path, drop the ids.
/// </summary>
internal static class TelemetryRedaction
{
    public static void RedactUrl(Activity span, Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return;
        }

        var redacted = $"{uri.Scheme}://{uri.Authority}{RedactPath(uri.AbsolutePath)}";
        span.SetTag("url.full", redacted);
        span.SetTag("url.path", null);
        span.SetTag("url.query", null);
    }

    /// <summary><c>/v3/conversations/{id}/activities/{id}</c>: segments after these collection names are ids.</summary>
    internal static string RedactPath(string path)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i - 1] is "conversations" or "activities" or "members" or "attachments" or "users")
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }
}
