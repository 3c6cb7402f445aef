using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Progress;

/// <summary>
/// A loopback connector that notes, per conversation, when the first progress activity (a typing activity,
/// streamed or not) and the final answer arrive, answering 201 with an id as Teams does.
/// </summary>
internal sealed class ProgressSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _firstProgress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _answers = new(StringComparer.Ordinal);
    private WebApplication _app = null!;
    private long _nextId;

    public string ServiceUrl { get; private set; } = string.Empty;

    public bool Answered(string conversationId) => _answers.ContainsKey(conversationId);

    public static async Task<ProgressSink> StartAsync()
    {
        var sink = new ProgressSink();
        (sink._app, sink.ServiceUrl) = await LoopbackServer.StartConnectorAsync(sink.ReceiveAsync);
        return sink;
    }

    /// <summary>Stopwatch timestamp of the conversation's first progress activity, if it came.</summary>
    public bool TryGetFirstProgress(string conversationId, out long timestamp) => _firstProgress.TryGetValue(conversationId, out timestamp);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task ReceiveAsync(HttpContext context, string conversationId)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var type = body.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "typing")
        {
            _firstProgress.TryAdd(conversationId, arrived);
        }
        else if (type == "message")
        {
            _answers.TryAdd(conversationId, arrived);
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"" + Interlocked.Increment(ref _nextId) + "\"}", context.RequestAborted);
    }
}
