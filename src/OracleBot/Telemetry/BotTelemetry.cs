using System.Diagnostics;
using System.Diagnostics.Metrics;
using OracleBot.Answers.Embeddings;

namespace OracleBot.Telemetry;

/// <summary>
/// The bot's own traces and metrics. Spans and tags carry only kinds, outcomes and timings: never a
/// question, an answer, a name or an id. With no listener attached (no exporter configured) every call
/// here is a null check, so instrumented code costs next to nothing.
/// </summary>
public static class BotTelemetry
{
    /// <summary>Name of the <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string Name = "OracleBot";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "oraclebot.turns", "{activity}", "Activities posted to /api/messages, by HTTP outcome.");

    private static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>(
        "oraclebot.answer.duration", "s", "Time the answer service took for one question.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60] });

    private static readonly Counter<long> ConnectorRetries = Meter.CreateCounter<long>(
        "oraclebot.connector.retries", "{retry}", "Connector calls repeated after a transient failure.");

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "oraclebot.cache.lookups", "{lookup}", "Cache lookups, tagged with the cache and whether it hit.");

    private static readonly ObservableGauge<int> VectorsReady = Meter.CreateObservableGauge(
        "oraclebot.vectors.ready", ObserveReady, description: "1 when retrieval fuses BM25 and passage vectors, 0 while it uses BM25 alone");

    private static readonly ObservableGauge<int> VectorsEmbedded = Meter.CreateObservableGauge(
        "oraclebot.vectors.embedded", ObserveEmbedded, unit: "{passage}", description: "Passages of the knowledge index with a vector so far");

    private static Func<VectorStatus>? s_vectors;

    private static readonly Counter<long> Feedback = Meter.CreateCounter<long>(
        "oraclebot.feedback", "{reaction}", "Feedback reactions received on answers.");

    /// <summary>The inbound HTTP post of one activity.</summary>
    public static Activity? StartInbound() => Source.StartActivity("oraclebot.inbound", ActivityKind.Internal);

    /// <summary>One question through the answer service.</summary>
    public static Activity? StartAnswer() => Source.StartActivity("oraclebot.answer", ActivityKind.Internal);

    /// <summary>Binding an answer into its card.</summary>
    public static Activity? StartCard() => Source.StartActivity("oraclebot.card", ActivityKind.Internal);

    /// <summary>One connector operation (reply, update, typing …), retries included.</summary>
    public static Activity? StartConnector(string operation)
    {
        var span = Source.StartActivity("oraclebot.connector", ActivityKind.Internal);
        span?.SetTag("oraclebot.connector.operation", operation);
        return span;
    }

    /// <summary>Marks a span failed with the exception's type only: messages may quote user input.</summary>
    public static void Fail(Activity? span, Exception exception)
    {
        if (span is null)
        {
            return;
        }

        span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        span.SetTag("error.type", exception.GetType().FullName);
    }

    public static void RecordTurn(int statusCode)
    {
        if (Turns.Enabled)
        {
            Turns.Add(1, new KeyValuePair<string, object?>("http.response.status_code", statusCode));
        }
    }

    public static void RecordAnswer(TimeSpan elapsed, string outcome)
    {
        if (AnswerDuration.Enabled)
        {
            AnswerDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("oraclebot.outcome", outcome));
        }
    }

    public static void RecordConnectorRetry() => ConnectorRetries.Add(1);

    /// <summary>A cache lookup; <paramref name="cache"/> is a fixed name such as <c>index</c>, never a key.</summary>
    public static void RecordCacheLookup(string cache, bool hit)
    {
        if (CacheLookups.Enabled)
        {
            CacheLookups.Add(1, new KeyValuePair<string, object?>("oraclebot.cache", cache), new KeyValuePair<string, object?>("oraclebot.cache.hit", hit));
        }
    }

    /// <summary>
    /// Reports the passage vectors of <paramref name="status"/>'s knowledge index from now on:
    /// <c>oraclebot.vectors.ready</c> (1 when retrieval fuses BM25 and vectors, 0 while it is BM25 alone, tagged
    /// with the state) and <c>oraclebot.vectors.embedded</c> (passages with a vector so far).
    /// </summary>
    public static void ObserveVectors(Func<VectorStatus> status)
    {
        Volatile.Write(ref s_vectors, status);
        _ = VectorsReady;
        _ = VectorsEmbedded;
    }

    private static Measurement<int>[] ObserveReady() => Volatile.Read(ref s_vectors)?.Invoke() is { } status
        ? [new Measurement<int>(status.State == VectorState.Ready ? 1 : 0, new KeyValuePair<string, object?>("oraclebot.vectors.state", status.State.ToString()))]
        : [];

    private static Measurement<int>[] ObserveEmbedded() => Volatile.Read(ref s_vectors)?.Invoke() is { } status
        ? [new Measurement<int>(status.Embedded)]
        : [];

    /// <summary>A feedback reaction; <paramref name="reaction"/> is the button's fixed value (like/dislike).</summary>
    public static void RecordFeedback(string reaction)
    {
        if (Feedback.Enabled)
        {
            Feedback.Add(1, new KeyValuePair<string, object?>("oraclebot.reaction", reaction is "like" or "dislike" ? reaction : "other"));
        }
    }
}
