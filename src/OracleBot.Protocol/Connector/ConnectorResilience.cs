using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OracleBot.Protocol.Connector;

/// <summary>
/// Retry policy for connector calls. <c>POST …/activities</c> has no idempotency key, so a POST is retried
/// only when the answer proves it was not processed (429, 412, 502, 503, 504 — the codes Teams documents as
/// retryable — or a connection that never opened). A 500, a timeout or a dropped connection after sending
/// may hide a delivered message and is not retried for POST. PUT replaces the whole activity, so it is
/// idempotent and also retried on those.
/// </summary>
internal static class ConnectorResilience
{
    public const string PipelineName = "connector";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetryAttempts > 0 && ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.RetryMaxDelay)),
            })
            .AddTimeout(options.AttemptTimeout);
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
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or TimeoutRejectedException => idempotent,
            _ => false,
        };
    }

    /// <summary>Honours <c>Retry-After</c> (seconds or date), capped; otherwise lets the exponential backoff decide.</summary>
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
}
