using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Contract;

namespace OracleBot.Answers.Remote;

/// <summary>
/// Calls a remote answer service: <c>POST /v1/answers</c> (JSON) and <c>POST /v1/answers/stream</c> (NDJSON).
/// Timeouts, retries on transient failures and the circuit breaker live in the HTTP client's resilience
/// pipeline (<see cref="RemoteAnswerResilience"/>); a failure that survives them surfaces as
/// <see cref="AnswerServiceException"/>.
/// </summary>
public sealed class HttpAnswerService(HttpClient http, IOptions<AnswersOptions> options) : IStreamingAnswerService
{
    public const string AnswersPath = "v1/answers";
    public const string StreamPath = "v1/answers/stream";

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The pipeline's timeouts end when the headers arrive; this one also bounds reading the body.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.Remote.TotalTimeout);
        try
        {
            using var response = await http.PostAsJsonAsync(AnswersPath, request, AnswerJson.Default.AnswerRequest, budget.Token).ConfigureAwait(false);
            await EnsureSuccessAsync(response, budget.Token).ConfigureAwait(false);
            if (response.RequestMessage?.Options.TryGetValue(RemoteAnswerResilience.ReadAnswer, out var read) == true)
            {
                return read; // already read by the circuit breaker, which judges the body too
            }

            return await response.Content.ReadFromJsonAsync(AnswerJson.Default.Answer, budget.Token).ConfigureAwait(false)
                ?? throw new AnswerServiceException("The answer service returned an empty body.");
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            throw new AnswerServiceException("The answer service could not be reached.", ex);
        }
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.Remote.TotalTimeout);
        HttpResponseMessage response;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, StreamPath) { Content = JsonContent.Create(request, AnswerJson.Default.AnswerRequest) };
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, budget.Token).ConfigureAwait(false);
            await EnsureSuccessAsync(response, budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            throw new AnswerServiceException("The answer service could not be reached.", ex);
        }

        using (response)
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(budget.Token).ConfigureAwait(false));
            var final = false;
            while (!final && await ReadLineAsync(reader, budget.Token, cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                AnswerUpdate update;
                try
                {
                    update = JsonSerializer.Deserialize(line, AnswerJson.Default.AnswerUpdate)
                        ?? throw new AnswerServiceException("The answer stream held an empty event.");
                }
                catch (JsonException ex)
                {
                    throw new AnswerServiceException("The answer stream held a malformed event.", ex);
                }

                final = update.IsFinal;
                yield return update;
            }

            if (!final)
            {
                throw new AnswerServiceException("The answer stream ended without a final answer.");
            }
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken budget, CancellationToken caller)
    {
        try
        {
            return await reader.ReadLineAsync(budget).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex, caller) || ex is IOException)
        {
            throw new AnswerServiceException("The answer stream broke off.", ex);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // The body is a problem document from our own service; its detail is safe to carry, the question is not in it.
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new AnswerServiceException($"The answer service answered {(int)response.StatusCode}: {Truncate(detail)}");
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException or JsonException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}

/// <summary>The remote answer service failed or is unavailable (circuit open, timed out, error status).</summary>
public sealed class AnswerServiceException : Exception
{
    public AnswerServiceException()
    {
    }

    public AnswerServiceException(string message)
        : base(message)
    {
    }

    public AnswerServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
