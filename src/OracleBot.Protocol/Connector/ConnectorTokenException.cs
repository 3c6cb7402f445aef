namespace OracleBot.Protocol.Connector;

/// <summary>
/// The bot's outbound token could not be obtained (the token endpoint failed or did not answer in time), so
/// nothing was sent: retrying is always safe.
/// </summary>
public sealed class ConnectorTokenException : Exception
{
    public ConnectorTokenException()
        : base("The connector token could not be obtained.")
    {
    }

    public ConnectorTokenException(string message)
        : base(message)
    {
    }

    public ConnectorTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
