using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OracleBot.Protocol.Connector;

/// <summary>
/// Retry policy for connector calls. <c>POST …/activities</c> has no idempotency key and Teams de-duplicates
/// nothing, so a POST is retried only when the failure proves it was not processed: 429, 412, 502, 503, 504
/// (the codes Teams documents as retryable), a connection that never opened, or a token that could not be
/// had. A 500, a timeout or a connection dropped after sending may hide a delivered message and is not retried
/// for POST. PUT replaces the whole activity, so it is idempotent and also retried on those.
/// Messages and updates are retried until <see cref="ConnectorOptions.DeliveryWindow"/> closes; typing
/// indicators get <see cref="ConnectorOptions.MaxRetryAttempts"/> quick retries.
/// </summary>
internal static class ConnectorResilience
{
    public const string PipelineName = "connector";

    /// <summary>When retries of a request stop; set by the client on messages and updates, absent on typing.</summary>
    internal static readonly HttpRequestOptionsKey<DateTimeOffset> RetryUntil = new("OracleBot.Connector.RetryUntil");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();

        // The attempt timeout lives in ConnectorAttemptHandler, which tells a slow token from a slow send.
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args =>
            {
                var request = args.Context.GetRequestMessage();
                return ValueTask.FromResult(
                    ShouldRetry(args.Outcome, request?.Method) && HasRetryLeft(request, args.AttemptNumber, options, time.GetUtcNow()));
            },
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(NextDelay(
                args.AttemptNumber, args.Outcome.Result, options, Remaining(args.Context.GetRequestMessage(), time.GetUtcNow()))),
        });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method)
    {
        var idempotent = method == HttpMethod.Put || method == HttpMethod.Get || method == HttpMethod.Delete;
        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
                    or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
                HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout => idempotent,
                _ => false,
            };
        }

        return outcome.Exception switch
        {
            null => false,
            var ex when NothingWasSent(ex) => true,
            HttpRequestException or TimeoutRejectedException => idempotent,
            _ => false,
        };
    }

    /// <summary>
    /// A request with a deadline (a message or an update) may be retried until then; one without (typing)
    /// <see cref="ConnectorOptions.MaxRetryAttempts"/> times.
    /// </summary>
    internal static bool HasRetryLeft(HttpRequestMessage? request, int attemptNumber, ConnectorOptions options, DateTimeOffset now) =>
        Remaining(request, now) is { } left ? left > TimeSpan.Zero : attemptNumber < options.MaxRetryAttempts;

    /// <summary>Time left until the request's deadline (zero once passed), or null when it has none.</summary>
    internal static TimeSpan? Remaining(HttpRequestMessage? request, DateTimeOffset now) =>
        request is not null && request.Options.TryGetValue(RetryUntil, out var until) ? (until > now ? until - now : TimeSpan.Zero) : null;

    /// <summary>
    /// <c>Retry-After</c> when given (capped), else exponential backoff with ±20 % jitter as Teams' guidance
    /// suggests; never past the end of the window, so the last attempt goes out as it closes.
    /// </summary>
    internal static TimeSpan NextDelay(int attemptNumber, HttpResponseMessage? response, ConnectorOptions options, TimeSpan? remaining)
    {
        var delay = RetryAfter(response, options.RetryMaxDelay) ?? Backoff(attemptNumber, options);
        return remaining is { } left && delay > left ? left : delay;
    }

    /// <summary>Honours <c>Retry-After</c> (seconds or date), capped; otherwise null.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
    }

    /// <summary>
    /// Failures raised before any byte of the request left: no token, a refused or unresolvable connection, a
    /// failed TLS handshake, or the handler's connect timeout (a cancellation carrying a <see cref="TimeoutException"/>).
    /// </summary>
    internal static bool NothingWasSent(Exception exception) => exception switch
    {
        ConnectorTokenException => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError } => true,
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    private static TimeSpan Backoff(int attemptNumber, ConnectorOptions options)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
#pragma warning disable CA5394 // Jitter spreads retries; it guards nothing.
        var jittered = exponential * (0.8 + (0.4 * Random.Shared.NextDouble()));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.RetryMaxDelay.TotalMilliseconds));
    }
}
