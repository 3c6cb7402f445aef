namespace OracleBot.Protocol.Connector;

/// <summary>Supplies the bot's bearer token for connector calls.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A current access token, or <c>null</c> when no App ID is configured (local development).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken ct);
}
