using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OracleBot.Protocol.Authentication;

/// <summary>
/// Validates channel tokens per PROTOCOL.md §2: Bearer scheme, RS256 only, a key published in the channel's
/// JWKS, issuer, audience = App ID, lifetime within the clock skew. Endorsement and serviceurl checks need
/// the activity and happen in <see cref="ChannelIdentity.Authorizes"/>.
/// </summary>
internal sealed partial class ChannelTokenValidator : IChannelTokenValidator
{
    private const string BearerPrefix = "Bearer ";

    private static readonly Task<ChannelIdentity> AnonymousResult = Task.FromResult(ChannelIdentity.Anonymous);

    private readonly SigningKeyStore _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<ChannelTokenValidator> _logger;
    private readonly BotAuthenticationOptions _options;
    private readonly ValidatedTokenCache _cache;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;

    public ChannelTokenValidator(
        SigningKeyStore keys,
        IOptions<BotAuthenticationOptions> options,
        TimeProvider time,
        ILogger<ChannelTokenValidator> logger)
    {
        _keys = keys;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _cache = new ValidatedTokenCache(_options.ValidatedTokenCacheSize, time);
        _parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = _options.EffectiveIssuers,
            ValidateAudience = true,
            ValidAudience = _options.AppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = _options.ClockSkew,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            // Key validity is governed by its presence in the JWKS, not by certificate dates.
            ValidateIssuerSigningKey = false,
            TryAllIssuerSigningKeys = false,
        };
    }

    public Task<ChannelIdentity> ValidateAsync(string? authorizationHeader, CancellationToken ct)
    {
        if (_options.IsAnonymous)
        {
            return AnonymousResult;
        }

        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return Task.FromResult(Reject("missing Authorization header", LogLevel.Debug));
        }

        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(Reject("authorization scheme is not Bearer", LogLevel.Debug));
        }

        var rawToken = authorizationHeader.AsSpan(BearerPrefix.Length).Trim();
        return _cache.TryGet(rawToken, out var cached) switch
        {
            CacheLookup.Hit => cached!,
            CacheLookup.Expired => Task.FromResult(Reject("token expired", LogLevel.Warning)),
            _ => ValidateUncachedAsync(rawToken.ToString(), ct),
        };
    }

    private async Task<ChannelIdentity> ValidateUncachedAsync(string token, CancellationToken ct)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            // Not a JWT at all: scanner noise, like a missing header, not a channel whose token went wrong.
            return Reject("malformed token", LogLevel.Debug);
        }

        // Checked before any key lookup so that 'none' and HMAC tokens never reach signature code.
        if (!string.Equals(jwt.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
        {
            return Reject("signing algorithm not allowed", LogLevel.Warning);
        }

        var keyId = string.IsNullOrEmpty(jwt.Kid) ? jwt.X5t : jwt.Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            return Reject("token names no signing key", LogLevel.Warning);
        }

        var key = await _keys.FindAsync(keyId, ct).ConfigureAwait(false);
        if (key is null)
        {
            return Reject("signing key not found", LogLevel.Warning);
        }

        var parameters = _parameters.Clone();
        parameters.IssuerSigningKey = key.Key;
        var result = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Reject(Describe(result.Exception), LogLevel.Warning);
        }

        jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl);
        var identity = ChannelIdentity.Authenticated(key.Endorsements, serviceUrl);
        _cache.Add(token, identity, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + _options.ClockSkew);
        return identity;
    }

    private ChannelIdentity Reject(string reason, LogLevel level)
    {
        LogRejected(_logger, level, reason);
        return ChannelIdentity.Failed(reason);
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidLifetimeException => "token lifetime invalid",
        SecurityTokenInvalidIssuerException => "issuer not accepted",
        SecurityTokenInvalidAudienceException => "audience is not this bot",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "signing key not found",
        SecurityTokenInvalidSignatureException => "signature invalid",
        _ => "token invalid",
    };

    [LoggerMessage(EventId = 1002, Message = "Channel token rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, LogLevel level, string reason);
}
