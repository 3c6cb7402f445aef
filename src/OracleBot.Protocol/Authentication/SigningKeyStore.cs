using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OracleBot.Protocol.Authentication;

/// <summary>
/// Fetches and caches the channel's signing keys with their endorsements. The stock OpenID configuration
/// manager drops the non-standard <c>endorsements</c> array, so the JWKS is read here directly.
/// Keys are refetched when older than the refresh interval, or when a token names an unknown kid — but
/// never more than once per cooldown, so a flood of forged kids cannot turn into a flood of fetches.
/// </summary>
internal sealed partial class SigningKeyStore(
    HttpClient http,
    IOptions<BotAuthenticationOptions> options,
    TimeProvider time,
    ILogger<SigningKeyStore> logger) : IDisposable
{
    private readonly BotAuthenticationOptions _options = options.Value;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile SigningKeySet? _keys;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    public async ValueTask<SigningKey?> FindAsync(string keyId, CancellationToken ct)
    {
        var keys = _keys;
        if (keys is not null && !IsStale(keys) && keys.Find(keyId) is { } known)
        {
            return known;
        }

        await _refreshLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            keys = _keys;
            if (keys is not null && !IsStale(keys) && keys.Find(keyId) is { } refreshed)
            {
                return refreshed;
            }

            if (time.GetUtcNow() - _lastAttempt >= _options.SigningKeyRefreshCooldown)
            {
                keys = await RefreshAsync(ct).ConfigureAwait(false) ?? keys;
            }

            return keys?.Find(keyId);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private bool IsStale(SigningKeySet keys) => time.GetUtcNow() - keys.FetchedAt >= _options.SigningKeyRefreshInterval;

    private async Task<SigningKeySet?> RefreshAsync(CancellationToken ct)
    {
        _lastAttempt = time.GetUtcNow();
        try
        {
            var metadataUri = RequireAllowedUri(_options.OpenIdMetadataUrl);
            var metadata = await http.GetFromJsonAsync(metadataUri, OpenIdJsonContext.Default.OpenIdMetadataDocument, ct)
                .ConfigureAwait(false);
            if (metadata?.JwksUri is null)
            {
                throw new InvalidDataException("OpenID metadata has no jwks_uri.");
            }

            var jwks = await http.GetFromJsonAsync(RequireAllowedUri(metadata.JwksUri), OpenIdJsonContext.Default.JsonWebKeySetDocument, ct)
                .ConfigureAwait(false);
            var set = new SigningKeySet(ToSigningKeys(jwks?.Keys), time.GetUtcNow());
            _keys = set;
            LogKeysRefreshed(logger, set.Count);
            return set;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or System.Text.Json.JsonException
                                       or TaskCanceledException or UriFormatException or CryptographicException or FormatException
                                   && !ct.IsCancellationRequested)
        {
            // Keep serving the previous keys: a metadata outage must not lock every channel out at once.
            LogKeyRefreshFailed(logger, ex);
            return null;
        }
    }

    private Uri RequireAllowedUri(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        if (_options.RequireHttpsMetadata && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidDataException("Signing key metadata must be fetched over https.");
        }

        return uri;
    }

    private static Dictionary<string, SigningKey> ToSigningKeys(IReadOnlyList<JsonWebKeyDocument>? documents)
    {
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var document in documents ?? [])
        {
            if (document.Kid is null || !string.Equals(document.Kty, "RSA", StringComparison.Ordinal)
                                     || (document.Use is not null && document.Use != "sig"))
            {
                continue;
            }

            SecurityKey? key = null;
            if (document.N is not null && document.E is not null)
            {
                key = new RsaSecurityKey(new RSAParameters
                {
                    Modulus = Base64UrlEncoder.DecodeBytes(document.N),
                    Exponent = Base64UrlEncoder.DecodeBytes(document.E),
                });
            }
            else if (document.X5c is [var certificate, ..])
            {
                key = new X509SecurityKey(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate)));
            }

            if (key is not null)
            {
                key.KeyId = document.Kid;
                keys[document.Kid] = new SigningKey(document.Kid, key, document.Endorsements ?? []);
            }
        }

        return keys;
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Channel signing keys refreshed: {KeyCount} keys")]
    private static partial void LogKeysRefreshed(ILogger logger, int keyCount);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Fetching channel signing keys failed; keeping the previous keys if any")]
    private static partial void LogKeyRefreshFailed(ILogger logger, Exception exception);
}
