using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// Drives full turns: <c>concurrency</c> clinicians each post a signed question and wait until its answer card
/// reaches the connector before the next question. Each question opens a new personal chat: Teams caps what a
/// bot may send into one conversation (60 messages per 30 s), which the bot's pacer honours, so a rate of
/// thousands per second is only real across many conversations. Given several endpoints (instances of one bot),
/// questions go to each in turn, as a round-robin load balancer sends them. Without a token the questions are
/// posted unsigned, as a channel talks to a bot that has no app id.
/// </summary>
internal sealed class LoadGenerator(HttpClient http, ConnectorSink sink, string? token, IReadOnlyList<string> questions)
{
    private int _nextQuestion;
    private int _nextActivity;

    public Task<LoadResult> RunAsync(Uri endpoint, int concurrency, int turns, string runId, TimeSpan turnTimeout) =>
        RunAsync([endpoint], concurrency, turns, runId, turnTimeout);

    public async Task<LoadResult> RunAsync(IReadOnlyList<Uri> endpoints, int concurrency, int turns, string runId, TimeSpan turnTimeout)
    {
        var latencies = new double[turns];
        var started = 0;
        var errors = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (true)
            {
                var slot = Interlocked.Increment(ref started) - 1;
                if (slot >= turns)
                {
                    return;
                }

                var conversationId = $"a:bench-{runId}-{slot}";

                var answered = sink.NextAnswerIn(conversationId);
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    using var content = Activity(conversationId);
                    using var request = new HttpRequestMessage(HttpMethod.Post, endpoints[slot % endpoints.Count]) { Content = content };
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await http.SendAsync(request);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        latencies[slot] = double.NaN;
                        continue;
                    }

                    var arrived = await answered.WaitAsync(turnTimeout);
                    latencies[slot] = Stopwatch.GetElapsedTime(begin, arrived).TotalMilliseconds;
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    latencies[slot] = double.NaN;
                }
            }
        });
        await Task.WhenAll(workers);
        stopwatch.Stop();
        var measured = latencies.Where(l => !double.IsNaN(l)).Order().ToArray();
        return new LoadResult(turns, errors, stopwatch.Elapsed, Percentile(measured, 0.50), Percentile(measured, 0.99));
    }

    private StringContent Activity(string conversationId)
    {
        var id = Interlocked.Increment(ref _nextActivity).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var question = questions[(Interlocked.Increment(ref _nextQuestion) - 1) % questions.Count];
        var json = $$$"""
            {"type":"message","id":"{{{id}}}","timestamp":"{{{DateTime.UtcNow:O}}}","channelId":"msteams",
             "serviceUrl":"{{{sink.ServiceUrl}}}","from":{"id":"29:bench-user","name":"Bench User","aadObjectId":"00000000-0000-4000-8000-000000000001"},
             "recipient":{"id":"28:bench-bot","name":"OracleBot"},
             "conversation":{"id":"{{{conversationId}}}","conversationType":"personal","tenantId":"00000000-0000-4000-8000-0000000000aa"},
             "text":{{{JsonSerializer.Serialize(question)}}},"textFormat":"plain","locale":"en-US",
             "channelData":{"tenant":{"id":"00000000-0000-4000-8000-0000000000aa"} } }
            """;
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}

internal sealed record LoadResult(int Turns, int Errors, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds)
{
    public double TurnsPerSecond => (Turns - Errors) / Elapsed.TotalSeconds;
}
