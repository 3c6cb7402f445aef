using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Protocol.Schema;

namespace OracleBot.Protocol.Connector;

/// <summary>
/// Bot Connector REST client over a pooled, resilient <see cref="HttpClient"/>; the handlers add the token
/// (<see cref="ConnectorAttemptHandler"/>) and retry (<see cref="ConnectorResilience"/>).
/// </summary>
internal sealed partial class ConnectorClient(
    HttpClient http,
    IOptions<ConnectorOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const string CorrelationHeader = "X-Correlating-OperationId";

    // A typing indicator never varies, so its body is serialized once.
    private static readonly byte[] TypingBody = ActivityJson.SerializeToUtf8Bytes(new Activity { Type = ActivityTypes.Typing });

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(
            HttpMethod.Post, ConnectorRoutes.Activities(serviceUrl, conversationId), ActivityJson.SerializeToUtf8Bytes(activity), "send", IsDelivery(activity), ct);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ReplyToId ??= replyToId;
        return SendAsync(
            HttpMethod.Post, ConnectorRoutes.Activity(serviceUrl, conversationId, replyToId), ActivityJson.SerializeToUtf8Bytes(activity), "reply",
            IsDelivery(activity), ct);
    }

    public Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id ??= activityId;
        return SendAsync(
            HttpMethod.Put, ConnectorRoutes.Activity(serviceUrl, conversationId, activityId), ActivityJson.SerializeToUtf8Bytes(activity), "update",
            delivery: true, ct);
    }

    public Task SendTypingAsync(string serviceUrl, string conversationId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, ConnectorRoutes.Activities(serviceUrl, conversationId), TypingBody, "typing", delivery: false, ct);

    // Typing indicators and streaming progress updates are worth nothing late; everything else is an answer
    // the user waits for, retried for the whole delivery window.
    private static bool IsDelivery(Activity activity) => activity.Type != ActivityTypes.Typing;

    private async Task<ResourceResponse> SendAsync(HttpMethod method, Uri uri, byte[] body, string operation, bool delivery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (delivery)
        {
            request.Options.Set(ConnectorResilience.RetryUntil, time.GetUtcNow() + options.Value.DeliveryWindow);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return await ReadResourceResponseAsync(response, ct).ConfigureAwait(false);
        }

        throw await CreateExceptionAsync(response, operation, ct).ConfigureAwait(false);
    }

    private static async Task<ResourceResponse> ReadResourceResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // Streaming updates answer 202 with "{}" and some answers carry no body; neither is an error.
        if (response.Content.Headers.ContentLength == 0)
        {
            return new ResourceResponse(null);
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, ActivityJson.ResourceResponseTypeInfo, ct).ConfigureAwait(false)
                       ?? new ResourceResponse(null);
            }
        }
        catch (JsonException)
        {
            return new ResourceResponse(null);
        }
    }

    private async Task<ConnectorException> CreateExceptionAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        string? correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
        ConnectorError? error = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (bytes.Length is > 0 and <= MaxErrorBodyBytes)
            {
                error = JsonSerializer.Deserialize(bytes, ProtocolJsonContext.Default.ConnectorErrorResponse)?.Error;
            }
        }
        catch (JsonException)
        {
            // Gateways answer with HTML error pages; the status code still says enough.
        }

        LogConnectorFailure(logger, operation, (int)response.StatusCode, error?.Code, correlationId);
        return new ConnectorException(response.StatusCode, error?.Code, error?.Message, correlationId, operation);
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Connector {Operation} failed: {StatusCode} {ErrorCode} (correlation {CorrelationId})")]
    private static partial void LogConnectorFailure(ILogger logger, string operation, int statusCode, string? errorCode, string? correlationId);
}
