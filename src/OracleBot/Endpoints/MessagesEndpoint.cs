using System.Text.Json;
using Microsoft.Extensions.Options;
using OracleBot.Protocol.Authentication;
using OracleBot.Protocol.Schema;
using OracleBot.Security;
using OracleBot.Turns;

namespace OracleBot.Endpoints;

/// <summary>
/// <c>POST /api/messages</c>: size limit, token, parse, authorise against the activity, admit (service URL,
/// tenant, rate limits), then hand the activity to the turn pipeline. Messages are acknowledged at once and answered in the background;
/// invokes are answered in the response.
/// </summary>
internal sealed partial class MessagesEndpoint(
    IChannelTokenValidator tokenValidator,
    InboundGuard guard,
    TurnDispatcher dispatcher,
    IOptions<MessagesOptions> options,
    ILogger<MessagesEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return Problems.UnsupportedMediaType();
        }

        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return Problems.TooLarge(limit);
        }

        // The signature is checked before the body is even read: an unauthenticated caller gets no parsing.
        var identity = await tokenValidator.ValidateAsync(request.Headers.Authorization, context.RequestAborted);
        if (!identity.IsAuthenticated)
        {
            // The validator has logged why, once, at a level that keeps anonymous scanner noise at Debug.
            return Problems.Unauthorized();
        }

        using var body = await RequestBody.ReadAsync(request, limit, context.RequestAborted);
        if (body is null)
        {
            return Problems.TooLarge(limit);
        }

        if (!TryParse(body.Span, out var activity, out var parseError))
        {
            return Problems.MalformedActivity(parseError);
        }

        if (!identity.Authorizes(activity, out var authorizationFailure))
        {
            LogRejected(authorizationFailure);
            return Problems.Unauthorized();
        }

        if (guard.Admit(activity) is { } refusal)
        {
            return refusal;
        }

        InboundNormalizer.Normalize(activity);
        return await dispatcher.DispatchAsync(activity, context.RequestAborted);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static bool TryParse(ReadOnlySpan<byte> json, out Activity activity, out string error)
    {
        activity = null!;
        try
        {
            var parsed = ActivityJson.Deserialize(json);
            if (parsed is null)
            {
                error = "The body must be a JSON object describing an activity.";
                return false;
            }

            if (string.IsNullOrWhiteSpace(parsed.Type))
            {
                error = "The activity has no 'type'.";
                return false;
            }

            activity = parsed;
            error = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            // The position helps the sender fix its payload; the message never echoes body content.
            error = $"The body is not valid activity JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).";
            return false;
        }
        catch (InvalidOperationException)
        {
            error = "The body is not valid UTF-8 JSON.";
            return false;
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Rejected an inbound request: {Reason}")]
    private partial void LogRejected(string? reason);
}
