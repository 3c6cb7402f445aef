using System.Text.Json;
using System.Text.Json.Nodes;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Invokes are answered synchronously: the HTTP response is the result (PROTOCOL.md §4).</summary>
internal sealed partial class InvokeHandler(FeedbackRecorder feedback, ILogger<InvokeHandler> logger)
{
    internal async Task<IResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        switch (activity.Name)
        {
            case "message/submitAction":
                await RecordNativeFeedbackAsync(activity, cancellationToken);

                // Teams shows an error for any non-empty body.
                return Results.Ok();
            default:
                LogUnhandledInvoke(activity.Name);
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }
    }

    /// <summary>
    /// <c>value {actionName: "feedback", actionValue {reaction, feedback}}</c>, where <c>feedback</c> is a JSON string
    /// <c>{"feedbackText": …}</c> in Teams and plain text in the Agents Playground.
    /// </summary>
    private async Task RecordNativeFeedbackAsync(Activity activity, CancellationToken cancellationToken)
    {
        var actionValue = (activity.Value as JsonObject)?["actionValue"] as JsonObject;
        var reaction = JsonValues.AsString(actionValue?["reaction"]);
        var conversationId = activity.Conversation?.Id;
        if (reaction is not ("like" or "dislike") || conversationId is null)
        {
            LogMalformedFeedback();
            return;
        }

        try
        {
            await feedback.RecordAsync(conversationId, null, activity.ReplyToId, reaction, CommentOf(actionValue?["feedback"]), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The user still gets the 200 Teams expects; the rating is lost, which the log says.
            LogFeedbackNotStored(ex.GetType().Name);
        }
    }

    private static string? CommentOf(JsonNode? feedback)
    {
        var text = JsonValues.AsString(feedback);
        if (text is null || !text.TrimStart().StartsWith('{'))
        {
            return text;
        }

        try
        {
            return JsonValues.AsString((JsonNode.Parse(text) as JsonObject)?["feedbackText"]);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "No handler for invoke {Name}")]
    private partial void LogUnhandledInvoke(string? name);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Native feedback without a like/dislike reaction ignored")]
    private partial void LogMalformedFeedback();

    [LoggerMessage(EventId = 5008, Level = LogLevel.Error, Message = "Could not store native feedback ({ErrorType})")]
    private partial void LogFeedbackNotStored(string errorType);
}
