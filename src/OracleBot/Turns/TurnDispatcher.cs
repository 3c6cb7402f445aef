using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OracleBot.Conversations;
using OracleBot.Endpoints;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>
/// Decides what an authenticated activity gets: invokes are answered in the HTTP response; turns worth
/// answering are claimed once and recorded in the durable inbox before the acknowledgement, then queued for
/// the background workers; everything else is acknowledged and ignored.
/// </summary>
internal sealed partial class TurnDispatcher
{
    // Long enough for a Redis restart or failover to finish, short against Teams' own patience.
    private static readonly TimeSpan StoreRetryAfter = TimeSpan.FromSeconds(2);

    private readonly Channel<QueuedTurn> _queue;
    private readonly IConversationStore _store;
    private readonly InFlightTurns _inFlight;
    private readonly InvokeHandler _invokes;
    private readonly ILogger<TurnDispatcher> _logger;

    public TurnDispatcher(
        IConversationStore store, InFlightTurns inFlight, InvokeHandler invokes, IOptions<TurnOptions> options, ILogger<TurnDispatcher> logger)
    {
        _store = store;
        _inFlight = inFlight;
        _invokes = invokes;
        _logger = logger;
        _queue = Channel.CreateBounded<QueuedTurn>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    internal ChannelReader<QueuedTurn> Queue => _queue.Reader;

    public int PendingCount => _queue.Reader.Count;

    internal async Task<IResult> DispatchAsync(Activity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                return await _invokes.HandleAsync(activity, cancellationToken);
            case ActivityTypes.Message:
            case ActivityTypes.ConversationUpdate:
                break;
            default:
                // Unknown and uninteresting types are acknowledged and ignored, as the protocol asks.
                LogIgnored(activity.Type);
                return Results.Ok();
        }

        var missing = MissingRoutingField(activity);
        if (missing is not null)
        {
            return Problems.MalformedActivity($"The activity has no '{missing}'.");
        }

        // A group chat or channel message that does not mention the bot costs nothing: no claim, no state.
        if (activity.Type == ActivityTypes.Message && !ConversationScope.IsAddressedToBot(activity))
        {
            LogNotAddressed();
            return Results.Ok();
        }

        // Activities without an id cannot be de-duplicated; they are rare and get a key of their own.
        var key = new ActivityKey(activity.Conversation!.Id!, activity.Id is { Length: > 0 } id ? id : "local:" + Guid.NewGuid().ToString("N"));
        bool accepted;
        var leasedAt = _inFlight.Now();
        try
        {
            accepted = await _store.TryAcceptAsync(key, ActivityJson.SerializeToUtf8Bytes(activity), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not recorded, so not acknowledged: the channel delivers it again. Should the write have landed after
            // all (the reply was lost), the redelivery finds the claim and the inbox recovery answers it.
            LogStoreUnavailable(ex.GetType().Name);
            return Problems.StoreUnavailable(StoreRetryAfter);
        }

        if (!accepted)
        {
            LogDuplicate(activity.Type);
            return Results.Ok();
        }

        _inFlight.Add(key, leasedAt);
        if (!_queue.Writer.TryWrite(new QueuedTurn(key, activity)))
        {
            // Recorded durably already: once its lease runs out the inbox recovery queues it again.
            _inFlight.Remove(key);
            LogQueueFull();
        }

        return Results.Ok();
    }

    /// <summary>Queues an activity taken over from the inbox by a call that started at <paramref name="takenAt"/>, waiting for room.</summary>
    internal async ValueTask EnqueueRecoveredAsync(QueuedTurn turn, long takenAt, CancellationToken cancellationToken)
    {
        if (_inFlight.Add(turn.Key, takenAt))
        {
            await _queue.Writer.WriteAsync(turn, cancellationToken);
        }
    }

    private static string? MissingRoutingField(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "conversation.id";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "serviceUrl";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "from.id";
        }

        return null;
    }

    [LoggerMessage(EventId = 5016, Level = LogLevel.Debug, Message = "Ignored an activity of type {Type}")]
    private partial void LogIgnored(string? type);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Debug, Message = "Ignored a group message that does not mention the bot")]
    private partial void LogNotAddressed();

    [LoggerMessage(EventId = 5018, Level = LogLevel.Information, Message = "Dropped a redelivered {Type} activity")]
    private partial void LogDuplicate(string? type);

    // A warning, not an error: nothing is lost, the channel delivers the activity again, and readiness says why.
    [LoggerMessage(EventId = 5019, Level = LogLevel.Warning, Message = "The conversation store is unavailable ({ErrorType}); refusing the activity so the channel retries")]
    private partial void LogStoreUnavailable(string errorType);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Turn queue is full; the activity is recorded and will be answered when workers catch up")]
    private partial void LogQueueFull();
}
