using Microsoft.Extensions.Options;
using OracleBot.Answers.Contract;
using OracleBot.Cards;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Answers one queued activity: a question, a command, a card action or the bot being added.</summary>
internal sealed partial class TurnHandler(
    IAnswerService answers,
    CardFactory cards,
    ReplySender replies,
    IOptions<TurnOptions> options,
    TimeProvider time,
    ILogger<TurnHandler> logger)
{
    public Task HandleAsync(Activity activity, CancellationToken cancellationToken) => activity.Type switch
    {
        ActivityTypes.Message => HandleMessageAsync(activity, cancellationToken),
        ActivityTypes.ConversationUpdate => HandleConversationUpdateAsync(activity, cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task HandleMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        var intent = UserIntent.Of(activity, options.Value.MaxQuestionLength);
        LogIntent(intent.GetType().Name);
        return intent switch
        {
            UserIntent.Ask ask => AnswerAsync(activity, ask.Question, cancellationToken),
            UserIntent.Help => replies.SendAsync(activity, Replies.Card(activity, cards.Help()), cancellationToken),
            UserIntent.Feedback => replies.SendAsync(activity, Replies.Text(activity, "Thank you for your feedback."), cancellationToken),
            UserIntent.TooLong tooLong => replies.SendAsync(activity, Replies.Text(activity,
                $"That message is {tooLong.Length:N0} characters long; please ask in at most {options.Value.MaxQuestionLength:N0}."), cancellationToken),
            _ => replies.SendAsync(activity, Replies.Card(activity, cards.Welcome()), cancellationToken),
        };
    }

    private async Task AnswerAsync(Activity activity, string question, CancellationToken cancellationToken)
    {
        var request = new AnswerRequest(question);
        var started = time.GetTimestamp();
        Answer answer;
        try
        {
            answer = await AnswerWithProgressAsync(activity, request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAnswerFailed(ex.GetType().Name);
            await replies.SendAsync(activity, Replies.Card(activity, cards.Error(question)), cancellationToken);
            return;
        }

        LogAnswered(answer.Citations.Count, time.GetElapsedTime(started).TotalMilliseconds);
        var reply = Replies.Card(activity, cards.Answer(answer, request.Audience), TeamsAiEntity.ForAnswer(answer));
        await replies.SendAsync(activity, reply, cancellationToken);
    }

    /// <summary>Shows a typing indicator only when the answer is not ready almost at once.</summary>
    private async Task<Answer> AnswerWithProgressAsync(Activity activity, AnswerRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.AnswerTimeout);
        var answering = answers.AnswerAsync(request, timeout.Token);
        if (answering.IsCompleted)
        {
            return await answering;
        }

        var progressDelay = Task.Delay(options.Value.ProgressDelay, time, timeout.Token);
        if (await Task.WhenAny(answering, progressDelay) == progressDelay && !answering.IsCompleted)
        {
            try
            {
                await replies.SendTypingAsync(activity, timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Progress is a courtesy; the answer still goes out.
                LogProgressFailed(ex.GetType().Name);
            }
        }

        return await answering;
    }

    private async Task HandleConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        var botWasAdded = botId is not null
            && activity.MembersAdded?.Any(member => string.Equals(member.Id, botId, StringComparison.OrdinalIgnoreCase)) == true;
        if (!botWasAdded)
        {
            return;
        }

        var welcome = Replies.Card(activity, cards.Welcome());
        welcome.ReplyToId = null;
        await replies.SendAsync(activity, welcome, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message interpreted as {Intent}")]
    private partial void LogIntent(string intent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered with {CitationCount} citations in {ElapsedMs:F1} ms")]
    private partial void LogAnswered(int citationCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer service failed ({ErrorType}); the user gets the error card")]
    private partial void LogAnswerFailed(string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the progress indicator ({ErrorType})")]
    private partial void LogProgressFailed(string errorType);
}
