using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OracleBot.Protocol.Schema;

namespace OracleBot.TestSupport;

/// <summary>The connector half: captures the bot's calls under <c>/teams/</c> and posts activities to the bot.</summary>
public sealed partial class LoopbackChannel
{
    private const string RoutePrefix = "/teams/v3/conversations/";

    private readonly List<CapturedConnectorRequest> _requests = [];
    private TaskCompletionSource _captured = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextActivityId = 1000;

    /// <summary>Every connector call so far, in arrival order.</summary>
    public IReadOnlyList<CapturedConnectorRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>POSTs an activity to the bot the way a channel does; <paramref name="token"/> null sends no Authorization.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(Uri botEndpoint, Activity activity, string? token, CancellationToken ct = default) =>
        PostActivityAsync(botEndpoint, Encoding.UTF8.GetString(ActivityJson.SerializeToUtf8Bytes(activity)), token, ct);

    /// <summary>POSTs raw JSON (possibly malformed, on purpose) to the bot.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(Uri botEndpoint, string json, string? token, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, botEndpoint)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request, ct);
    }

    /// <summary>A Teams-shaped inbound message addressed to the bot, with this channel's serviceUrl.</summary>
    public Activity CreateMessage(string text, string botAppId, string conversationId = "a:loopback-personal", string conversationType = "personal") => new()
    {
        Type = ActivityTypes.Message,
        Id = Interlocked.Increment(ref _nextActivityId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = TeamsChannelId,
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount { Id = "29:loopback-user", Name = "Loopback User", AadObjectId = "00000000-0000-0000-0000-0000000000aa" },
        Recipient = new ChannelAccount { Id = "28:" + botAppId, Name = "OracleBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = conversationType, TenantId = "loopback-tenant" },
        Text = text,
        TextFormat = "plain",
        Locale = "en-US",
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "loopback-tenant" } },
    };

    /// <summary>Waits until at least <paramref name="count"/> captured calls match, and returns the matches.</summary>
    public async Task<IReadOnlyList<CapturedConnectorRequest>> WaitForActivitiesAsync(
        Func<CapturedConnectorRequest, bool> predicate, int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_requests)
            {
                var matches = _requests.Where(predicate).ToList();
                if (matches.Count >= count)
                {
                    return matches;
                }

                changed = _captured.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"Expected {count} matching connector calls within {timeout}; saw {Requests.Count(predicate)} of {Requests.Count}.");
            }
        }
    }

    /// <summary>Waits for <paramref name="count"/> successfully answered calls of any kind.</summary>
    public Task<IReadOnlyList<CapturedConnectorRequest>> WaitForActivitiesAsync(int count, TimeSpan timeout) =>
        WaitForActivitiesAsync(r => r.Succeeded, count, timeout);

    private async Task HandleConnectorAsync(HttpContext context)
    {
        var rawPath = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var (conversationId, activityId) = ParseRoute(rawPath);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);

        var scripted = _script.TryDequeue(out var next) ? next
            : Outage is { } outage ? new ScriptedResponse(outage, CorrelationId: "outage")
            : null;
        var status = scripted is not null ? (int)scripted.Status
            : conversationId is null ? StatusCodes.Status404NotFound
            : HttpMethods.IsPut(context.Request.Method) ? StatusCodes.Status200OK
            : StatusCodes.Status201Created;

        Record(new CapturedConnectorRequest(
            context.Request.Method, rawPath, conversationId, activityId, body, TryParse(body),
            context.Request.Headers.Authorization.FirstOrDefault(), status));

        if (scripted?.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the bot gave up waiting
            }
        }

        context.Response.StatusCode = status;
        if (scripted is not null && status >= 300)
        {
            await WriteFailureAsync(context, scripted);
            return;
        }

        if (conversationId is not null)
        {
            var id = HttpMethods.IsPut(context.Request.Method) && activityId is not null
                ? activityId
                : Interlocked.Increment(ref _nextActivityId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = id }, context.RequestAborted);
        }
    }

    private static async Task WriteFailureAsync(HttpContext context, ScriptedResponse scripted)
    {
        if (scripted.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (scripted.CorrelationId is not null)
        {
            context.Response.Headers["X-Correlating-OperationId"] = scripted.CorrelationId;
        }

        var error = new JsonObject
        {
            ["code"] = scripted.ErrorCode ?? ((HttpStatusCode)context.Response.StatusCode).ToString(),
            ["message"] = scripted.ErrorMessage ?? "Scripted failure from the loopback channel.",
        };
        await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = error }, context.RequestAborted);
    }

    private void Record(CapturedConnectorRequest request)
    {
        TaskCompletionSource previous;
        lock (_requests)
        {
            _requests.Add(request);
            previous = _captured;
            _captured = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    // Parsed from the raw target so the test sees exactly how the bot escaped ids (';', ':', '@', '/').
    private static (string? ConversationId, string? ActivityId) ParseRoute(string rawPath)
    {
        var path = rawPath.Split('?')[0];
        if (!path.StartsWith(RoutePrefix, StringComparison.Ordinal))
        {
            return (null, null);
        }

        var segments = path[RoutePrefix.Length..].Split('/');
        if (segments.Length < 2 || segments[1] != "activities")
        {
            return (null, null);
        }

        var activityId = segments.Length > 2 ? Uri.UnescapeDataString(segments[2]) : null;
        return (Uri.UnescapeDataString(segments[0]), activityId);
    }

    private static Activity? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, ActivityJson.ActivityTypeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
