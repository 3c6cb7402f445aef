namespace OracleBot.Protocol.Authentication;

/// <summary>
/// First phase of inbound authentication (PROTOCOL.md §2): checks the bearer token before the body is parsed.
/// The second phase, <see cref="ChannelIdentity.Authorizes"/>, checks it against the parsed activity.
/// </summary>
public interface IChannelTokenValidator
{
    /// <summary>Validates the raw <c>Authorization</c> header value. Never throws for a bad token; the result says why.</summary>
    Task<ChannelIdentity> ValidateAsync(string? authorizationHeader, CancellationToken ct);
}
