using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OracleBot.TestSupport;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// A lean Bot Framework connector on loopback: accepts replies at <c>v3/conversations/{id}/activities/{replyToId}</c>,
/// answers 201 with an id like Teams does, and tells the load generator when a conversation's answer card arrived.
/// Keyed by conversation, not reply id, because a streamed answer's final message is sent to the conversation.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new();
    private WebApplication _app = null!;
    private long _replies;
    private long _progressUpdates;
    private long _replyBytes;

    public string ServiceUrl { get; private set; } = string.Empty;

    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Bytes of all answer cards' request bodies so far.</summary>
    public long ReplyBytes => Interlocked.Read(ref _replyBytes);

    /// <summary>Typing and streaming updates, which precede a reply but are not one.</summary>
    public long ProgressUpdates => Interlocked.Read(ref _progressUpdates);

    public static async Task<ConnectorSink> StartAsync()
    {
        var sink = new ConnectorSink();
        (sink._app, sink.ServiceUrl) = await LoopbackServer.StartConnectorAsync(sink.ReceiveAsync);
        return sink;
    }

    /// <summary>
    /// Completes with the <see cref="Stopwatch"/> timestamp at which the next answer card in
    /// <paramref name="conversationId"/> arrived. Call before posting the question.
    /// </summary>
    public Task<long> NextAnswerIn(string conversationId)
    {
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[conversationId] = waiter;
        return waiter.Task;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        // Read the whole body, as a real connector would, before answering.
        var buffer = new byte[16 * 1024];
        var isFinalReply = false;
        var total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (total == 0)
            {
                // A reply carries a card attachment; typing and informative stream updates do not.
                isFinalReply = buffer.AsSpan(0, read).IndexOf("\"attachments\""u8) >= 0;
            }

            total += read;
        }

        var conversationId = context.Request.RouteValues["conversationId"] as string;
        if (isFinalReply && conversationId is not null)
        {
            Interlocked.Increment(ref _replies);
            Interlocked.Add(ref _replyBytes, total);
            var arrived = Stopwatch.GetTimestamp();
            if (_waiting.TryRemove(conversationId, out var waiter))
            {
                waiter.TrySetResult(arrived);
            }
        }
        else
        {
            Interlocked.Increment(ref _progressUpdates);
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync("{\"id\":\"1\"}"u8.ToArray(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
