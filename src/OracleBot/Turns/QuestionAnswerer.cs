using Microsoft.Extensions.Options;
using OracleBot.Answers.Contract;
using OracleBot.Cards;
using OracleBot.Conversations;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>
/// Answers a question in the context of its thread and for the asker's audience, showing progress while the
/// answer service works, and returns the turn to remember.
/// </summary>
internal sealed partial class QuestionAnswerer(
    IAnswerService answers,
    IConversationStore store,
    CardFactory cards,
    AnswerProgressFactory progress,
    ReplySender sender,
    IOptions<TurnOptions> options,
    TimeProvider time,
    OracleBot.Security.PatientDataGuard patientData,
    ILogger<QuestionAnswerer> logger)
{
    private readonly IAnswerService _answers = options.Value.SimulatedAnswerDelay > TimeSpan.Zero
        ? new SimulatedDelayAnswerService(answers, options.Value.SimulatedAnswerDelay, time)
        : answers;

    public async Task<ThreadTurn?> AnswerAsync(Activity activity, string question, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id!;
        var loadingThread = store.GetThreadAsync(conversationId, cancellationToken);
        var audience = await store.GetAudienceAsync(ConversationScope.UserKey(activity), cancellationToken) ?? Audiences.Physician;
        var thread = await loadingThread;
        var request = new AnswerRequest(question, audience, thread.Count == 0 ? null : [.. thread.Select(ToPriorTurn)]);

        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.AnswerTimeout);
        var answering = _answers.AnswerAsync(request, timeout.Token);
        var shown = await ShowProgressUnlessReadyAsync(activity, answering, timeout.Token);

        Answer answer;
        try
        {
            answer = await answering;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAnswerFailed(ex.GetType().Name);
            await DeliverAsync(activity, shown, Replies.Card(activity, cards.Error(question)), cancellationToken);
            return null;
        }

        LogAnswered(answer.Citations.Count, thread.Count, time.GetElapsedTime(started).TotalMilliseconds);
        var identifiers = OracleBot.Security.PatientDataGuard.Inspect(question);
        answer = patientData.WithReminder(identifiers, answer);
        Activity reply;
        using (Telemetry.BotTelemetry.StartCard())
        {
            // Bound straight to the bytes that go on the wire: neither the card nor the AI entity is a tree or serialised twice.
            reply = Replies.Card(activity, RawJson.Node(cards.AnswerUtf8(answer, audience)), RawJson.Node(TeamsAiEntity.Utf8(answer)));
        }

        var messageId = await DeliverAsync(activity, shown, reply, cancellationToken);
        return new ThreadTurn(
            patientData.ForThread(question, identifiers),
            answer.BottomLine?.Text ?? string.Empty,
            [.. answer.Citations.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal)],
            answer.AnswerId,
            time.GetUtcNow(),
            messageId);
    }

    private static PriorTurn ToPriorTurn(ThreadTurn turn) => new(turn.Question, turn.BottomLine, turn.CitedDocumentIds);

    /// <summary>Progress only for an answer that is not ready at once (after the configured grace, if any).</summary>
    private async Task<IAnswerProgress?> ShowProgressUnlessReadyAsync(Activity activity, Task<Answer> answering, CancellationToken cancellationToken)
    {
        if (answering.IsCompleted)
        {
            return null;
        }

        var grace = options.Value.ProgressDelay;
        if (grace > TimeSpan.Zero)
        {
            try
            {
                await answering.WaitAsync(grace, time, cancellationToken);
                return null;
            }
            catch (TimeoutException)
            {
                // Still working: show progress.
            }
            catch (Exception) when (answering.IsCompleted)
            {
                return null;
            }
        }

        var indicator = progress.For(activity);
        await indicator.StartAsync(cancellationToken);
        return indicator;
    }

    private async Task<string?> DeliverAsync(Activity activity, IAnswerProgress? shown, Activity reply, CancellationToken cancellationToken) =>
        shown is not null
            ? await shown.DeliverAsync(reply, cancellationToken)
            : (await sender.SendAsync(activity, reply, cancellationToken)).Id;

    [LoggerMessage(EventId = 5009, Level = LogLevel.Debug, Message = "Answered with {CitationCount} citations and {ContextTurns} context turns in {ElapsedMs:F1} ms")]
    private partial void LogAnswered(int citationCount, int contextTurns, double elapsedMs);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "The answer service failed ({ErrorType}); the user gets the error card")]
    private partial void LogAnswerFailed(string errorType);
}
