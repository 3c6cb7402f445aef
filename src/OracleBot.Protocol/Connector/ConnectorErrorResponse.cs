namespace OracleBot.Protocol.Connector;

/// <summary>The connector's error body: <c>{"error":{"code":…,"message":…}}</c>.</summary>
internal sealed record ConnectorErrorResponse(ConnectorError? Error);

internal sealed record ConnectorError(string? Code, string? Message);
