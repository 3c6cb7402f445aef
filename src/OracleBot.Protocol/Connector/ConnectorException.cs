using System.Net;

namespace OracleBot.Protocol.Connector;

/// <summary>
/// The connector answered a send, reply or update with a failure status (after any retries).
/// Carries what support needs to trace the call; never the activity content.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string? errorMessage, string? correlationId, string operation)
        : base(FormatMessage(statusCode, errorCode, errorMessage, correlationId, operation))
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        CorrelationId = correlationId;
        Operation = operation;
    }

    public ConnectorException()
        : this(default, null, null, null, "unknown")
    {
    }

    public ConnectorException(string message)
        : base(message) => Operation = "unknown";

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException) => Operation = "unknown";

    /// <summary>HTTP status of the last attempt.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary><c>error.code</c> of the connector's error body, e.g. <c>ContentStreamNotAllowed</c>, when present.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.message</c> of the connector's error body, when present.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The <c>X-Correlating-OperationId</c> response header, when present.</summary>
    public string? CorrelationId { get; }

    /// <summary>Which call failed: <c>send</c>, <c>reply</c>, <c>update</c> or <c>typing</c>.</summary>
    public string Operation { get; }

    private static string FormatMessage(HttpStatusCode status, string? code, string? message, string? correlationId, string operation) =>
        $"Connector {operation} failed with {(int)status} {status}" +
        (code is null ? string.Empty : $" ({code})") +
        (message is null ? string.Empty : $": {message}") +
        (correlationId is null ? string.Empty : $" [correlation {correlationId}]");
}
