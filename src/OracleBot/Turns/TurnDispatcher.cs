using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OracleBot.Endpoints;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>
/// Decides what an authenticated activity gets: invokes are answered in the HTTP response, turns worth
/// answering are claimed once and queued for the background workers, everything else is acknowledged.
/// </summary>
public sealed partial class TurnDispatcher
{
    private readonly Channel<Activity> _queue;
    private readonly IActivityClaims _claims;
    private readonly InvokeHandler _invokes;
    private readonly ILogger<TurnDispatcher> _logger;

    public TurnDispatcher(IActivityClaims claims, InvokeHandler invokes, IOptions<TurnOptions> options, ILogger<TurnDispatcher> logger)
    {
        _claims = claims;
        _invokes = invokes;
        _logger = logger;
        _queue = Channel.CreateBounded<Activity>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    internal ChannelReader<Activity> Queue => _queue.Reader;

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

        // Activities without an id cannot be de-duplicated; they are rare and processed as they come.
        if (activity.Id is { Length: > 0 } id && !_claims.TryClaim(activity.Conversation!.Id!, id))
        {
            LogDuplicate(activity.Type);
            return Results.Ok();
        }

        if (!_queue.Writer.TryWrite(activity))
        {
            LogQueueFull();
            return Problems.Overloaded();
        }

        return Results.Ok();
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored an activity of type {Type}")]
    private partial void LogIgnored(string? type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a redelivered {Type} activity")]
    private partial void LogDuplicate(string? type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn queue is full; refusing new activities until workers catch up")]
    private partial void LogQueueFull();
}
