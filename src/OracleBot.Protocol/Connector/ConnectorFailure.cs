using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace OracleBot.Protocol.Connector;

/// <summary>What a failed connector call means for the activity it carried.</summary>
public static class ConnectorFailure
{
    /// <summary>
    /// False when the failure proves the activity was not posted: the connector refused it (a 4xx, or 502,
    /// 503, 504), the connection never opened, the token could not be had, or the failure did not come from the
    /// connector at all. True when it may have been posted anyway: a 500 or other 5xx, a timeout or a connection
    /// lost after sending. Teams de-duplicates nothing, so sending such an activity again could show it twice.
    /// </summary>
    public static bool MayHaveBeenDelivered(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ConnectorException failed => !ProvesNotProcessed(failed.StatusCode),
            var ex when ConnectorResilience.NothingWasSent(ex) => false,
            HttpRequestException or TimeoutRejectedException or OperationCanceledException or IOException => true,
            _ => false,
        };
    }

    /// <summary>A short reason for operators: status and error code, or the kind of failure. Never content.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ConnectorException failed => string.Create(CultureInfo.InvariantCulture,
                $"connector {failed.Operation} answered {(int)failed.StatusCode} {failed.StatusCode}{(failed.ErrorCode is { } code ? " (" + code + ")" : string.Empty)}"),
            ConnectorTokenException => "connector token unavailable: " + exception.InnerException?.GetType().Name,
            HttpRequestException { InnerException: SocketException socket } => "connector connection failed: " + socket.SocketErrorCode,
            HttpRequestException failed => "connector request failed: " + failed.HttpRequestError,
            TimeoutRejectedException => "connector timed out after sending",
            OperationCanceledException { InnerException: TimeoutException } => "connector connect timeout",
            _ => exception.GetType().Name,
        };
    }

    private static bool ProvesNotProcessed(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 || status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
