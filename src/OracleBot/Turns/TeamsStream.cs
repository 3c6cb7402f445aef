using System.Net;
using OracleBot.Protocol.Connector;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>
/// Personal chats: a Teams informative stream update at once, then the answer as the stream's final message
/// (PROTOCOL.md §5). Requests go one at a time, at least a second apart; a stream near its two-minute cap is
/// finished by replacing the message. When Teams refuses streaming the answer goes out as a normal message.
/// </summary>
internal sealed partial class TeamsStream(Activity inbound, ReplySender replies, TimeProvider time, ILogger logger) : IAnswerProgress
{
    public const string SearchingText = "Searching guidelines and research…";

    internal static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    // Teams ends a stream two minutes after it started; finish by replacing the message well before that.
    internal static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(10);

    private string? _streamId;
    private long _startedAt;
    private long _lastSentAt;

    public string? StreamId => _streamId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var update = Replies.Typing(inbound, SearchingText);
        update.Entities = [StreamInfo.Start()];
        try
        {
            var response = await replies.SendAsync(inbound, update, cancellationToken);
            _streamId = response.Id;
            _startedAt = _lastSentAt = time.GetTimestamp();
        }
        catch (ConnectorException ex) when (IsRefusal(ex))
        {
            LogStreamingRefused(logger, (int)ex.StatusCode, ex.ErrorCode);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStreamStartFailed(logger, ex.GetType().Name);
        }
    }

    public async Task<string?> DeliverAsync(Activity reply, CancellationToken cancellationToken)
    {
        if (_streamId is not { } streamId)
        {
            return (await replies.SendAsync(inbound, reply, cancellationToken)).Id;
        }

        if (time.GetElapsedTime(_startedAt) >= MaxDuration)
        {
            return await ReplaceAsync(streamId, reply, cancellationToken);
        }

        var wait = MinInterval - time.GetElapsedTime(_lastSentAt);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        var final = Replies.Clone(reply);
        final.Entities = [.. reply.Entities ?? [], StreamInfo.End(streamId)];
        try
        {
            await replies.SendAsync(inbound, final, cancellationToken);
            return streamId;
        }
        catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.Forbidden
            && ex.ErrorMessage?.Contains("cancel", StringComparison.OrdinalIgnoreCase) == true)
        {
            // The user pressed Stop: what they saw stays, nothing more is sent.
            LogStoppedByUser(logger);
            return streamId;
        }
        catch (ConnectorException ex) when (IsRefusal(ex))
        {
            LogFinalRefused(logger, (int)ex.StatusCode, ex.ErrorCode);
            return await ReplaceAsync(streamId, reply, cancellationToken);
        }
    }

    private async Task<string?> ReplaceAsync(string streamId, Activity reply, CancellationToken cancellationToken)
    {
        try
        {
            await replies.UpdateAsync(inbound, streamId, Replies.Clone(reply), cancellationToken);
            return streamId;
        }
        catch (ConnectorException ex)
        {
            LogReplaceFailed(logger, (int)ex.StatusCode);
            return (await replies.SendAsync(inbound, reply, cancellationToken)).Id;
        }
    }

    private static bool IsRefusal(ConnectorException ex) =>
        ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest;

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Streaming refused ({StatusCode} {ErrorCode}); answering with a normal message")]
    private static partial void LogStreamingRefused(ILogger logger, int statusCode, string? errorCode);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Could not start the progress stream ({ErrorType}); answering with a normal message")]
    private static partial void LogStreamStartFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "The user stopped the stream; the answer is not sent")]
    private static partial void LogStoppedByUser(ILogger logger);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning, Message = "The stream's final message was refused ({StatusCode} {ErrorCode}); replacing the message instead")]
    private static partial void LogFinalRefused(ILogger logger, int statusCode, string? errorCode);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Warning, Message = "Replacing the streamed message failed ({StatusCode}); sending a new message")]
    private static partial void LogReplaceFailed(ILogger logger, int statusCode);
}
