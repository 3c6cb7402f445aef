using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace OracleBot.Answers.Remote;

/// <summary>
/// The remote answer call's pipeline: a total timeout, retries with backoff (answering has no side
/// effects, so every transient failure — connection errors, 408, 429, 5xx, attempt timeouts — is retried,
/// honouring Retry-After), a circuit breaker that fails calls at once while the service is down, and a
/// per-attempt timeout.
/// </summary>
internal static class RemoteAnswerResilience
{
    public const string PipelineName = "answers";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<AnswersOptions>>().Value.Remote;
        builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldRetryAfterHeader = true,
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = Math.Max(options.BreakerFailures, 2),
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }
}
