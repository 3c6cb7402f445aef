using Microsoft.Extensions.Options;
using OracleBot.Conversations;

namespace OracleBot.Turns;

/// <summary>Stores a rating of an answer; the question goes with it only when <c>Privacy:StoreQuestions</c> allows.</summary>
internal sealed partial class FeedbackRecorder(
    IConversationStore store,
    IOptions<PrivacyOptions> privacy,
    TimeProvider time,
    ILogger<FeedbackRecorder> logger)
{
    /// <summary>
    /// Records feedback on an answer named by id (card buttons) or by the message it was sent in (Teams' native
    /// feedback); with neither, the thread's latest answer is meant.
    /// </summary>
    public async Task<bool> RecordAsync(
        string conversationId, string? answerId, string? messageId, string reaction, string? comment, CancellationToken cancellationToken)
    {
        var turn = await FindTurnAsync(conversationId, answerId, messageId, cancellationToken);
        var ratedAnswer = answerId ?? turn?.AnswerId;
        if (ratedAnswer is null)
        {
            LogUnknownAnswer();
            return false;
        }

        var question = privacy.Value.StoreQuestions ? turn?.Question : null;
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        await store.AddFeedbackAsync(new FeedbackRecord(time.GetUtcNow(), ratedAnswer, reaction, text, question), cancellationToken);
        LogRecorded(reaction);
        Telemetry.BotTelemetry.RecordFeedback(reaction);
        return true;
    }

    private async Task<ThreadTurn?> FindTurnAsync(string conversationId, string? answerId, string? messageId, CancellationToken cancellationToken)
    {
        var thread = await store.GetThreadAsync(conversationId, cancellationToken);
        if (answerId is not null)
        {
            return thread.LastOrDefault(t => t.AnswerId == answerId);
        }

        if (messageId is not null && thread.LastOrDefault(t => t.MessageId == messageId) is { } rated)
        {
            return rated;
        }

        return thread.Count > 0 ? thread[^1] : null;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Feedback recorded: {Reaction}")]
    private partial void LogRecorded(string reaction);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Feedback dropped: no answer in this conversation to attach it to")]
    private partial void LogUnknownAnswer();
}
