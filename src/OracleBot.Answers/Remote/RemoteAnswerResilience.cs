using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using OracleBot.Answers.Contract;

namespace OracleBot.Answers.Remote;

/// <summary>
/// The remote answer call's pipeline: a total timeout, retries with backoff (answering has no side
/// effects, so every transient failure — connection errors, 408, 429, 5xx, attempt timeouts — is retried,
/// honouring Retry-After), a circuit breaker that fails calls at once while the service is down, and a
/// per-attempt timeout. The breaker reports what it sees to <see cref="RemoteAnswerHealth"/>.
/// </summary>
internal static class RemoteAnswerResilience
{
    public const string PipelineName = "answers";

    /// <summary>The answer the breaker read from a response, so the caller does not read the body again.</summary>
    public static readonly HttpRequestOptionsKey<Answer> ReadAnswer = new("OracleBot.Answers.ReadAnswer");

    /// <summary>The window in which the breaker counts failures.</summary>
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(60);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<AnswersOptions>>().Value.Remote;
        var health = context.ServiceProvider.GetRequiredService<RemoteAnswerHealth>();
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
            .AddCircuitBreaker(Breaker(options, health))
            .AddTimeout(options.AttemptTimeout);
    }

    private static HttpCircuitBreakerStrategyOptions Breaker(RemoteAnswerOptions options, RemoteAnswerHealth health)
    {
        var breaker = new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 1.0,
            MinimumThroughput = options.BreakerFailures,
            SamplingDuration = SamplingDuration,
            BreakDuration = options.BreakDuration,
            OnOpened = _ => Report(health, CircuitState.Open),
            OnHalfOpened = _ => Report(health, CircuitState.HalfOpen),
            OnClosed = _ => Report(health, CircuitState.Closed),
        };

        // The breaker judges every attempt exactly once; health counts failures by the same judgement. A call
        // the caller cancelled is neither a failure nor an answer, so it leaves the count alone.
        var isFailure = breaker.ShouldHandle;
        breaker.ShouldHandle = async args =>
        {
            var failed = await isFailure(args).ConfigureAwait(false)
                || await IsUnreadableAnswerAsync(args.Outcome.Result, args.Context.CancellationToken).ConfigureAwait(false);
            if (failed || args.Outcome.Result is not null)
            {
                health.AttemptEnded(failed);
            }

            return failed;
        };
        return breaker;
    }

    // A service that answers 200 with a body that is not an answer is as broken as one answering 500, and should
    // open the circuit just the same. Only the JSON endpoint is read here (into a buffer the caller then reads);
    // the stream's events are checked as they arrive.
    private static async ValueTask<bool> IsUnreadableAnswerAsync(HttpResponseMessage? response, CancellationToken cancellationToken)
    {
        if (response is not { IsSuccessStatusCode: true }
            || response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith("/" + HttpAnswerService.AnswersPath, StringComparison.Ordinal) != true)
        {
            return false;
        }

        try
        {
            // A copy of the buffer: reading the content as a stream would close the buffer the caller reads next.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (JsonSerializer.Deserialize(body, AnswerJson.Default.Answer) is not { } answer)
            {
                return true;
            }

            response.RequestMessage.Options.Set(ReadAnswer, answer);
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static ValueTask Report(RemoteAnswerHealth health, CircuitState state)
    {
        health.CircuitChanged(state);
        return ValueTask.CompletedTask;
    }
}
