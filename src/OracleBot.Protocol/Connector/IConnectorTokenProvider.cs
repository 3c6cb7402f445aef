namespace OracleBot.Protocol.Connector;

/// <summary>Supplies the bot's bearer token for connector calls.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A current access token, or <c>null</c> when no App ID is configured (local development).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken ct);

    /// <summary>
    /// The token when it is at hand without any call (cached and fresh, or none configured); false when getting
    /// it may have to wait, and then <see cref="GetTokenAsync"/> is the way.
    /// </summary>
    bool TryGetCurrent(out string? token)
    {
        token = null;
        return false;
    }
}
