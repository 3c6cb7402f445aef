using OracleBot.Answers.Contract;
using OracleBot.Cards;
using OracleBot.Conversations;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>
/// Handles one accepted activity: a question, a command, a card action or the bot being added. Returns the
/// thread turn to remember when a question was answered.
/// </summary>
internal sealed partial class TurnHandler(
    QuestionAnswerer answerer,
    FeedbackRecorder feedback,
    IConversationStore store,
    CardFactory cards,
    ReplySender replies,
    ILogger<TurnHandler> logger)
{
    public Task<ThreadTurn?> HandleAsync(Activity activity, CancellationToken cancellationToken) => activity.Type switch
    {
        ActivityTypes.Message => HandleMessageAsync(activity, cancellationToken),
        ActivityTypes.ConversationUpdate => WithoutTurn(HandleConversationUpdateAsync(activity, cancellationToken)),
        _ => Task.FromResult<ThreadTurn?>(null),
    };

    private Task<ThreadTurn?> HandleMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        // Group chats and channels deliver only mentions unless the app asks for more; drop the rest anyway.
        if (!ConversationScope.IsAddressedToBot(activity))
        {
            return Task.FromResult<ThreadTurn?>(null);
        }

        var intent = UserIntent.Of(activity, AnswerRequestLimits.MaxQuestionLength);
        LogIntent(intent.GetType().Name);
        return intent switch
        {
            UserIntent.Ask ask => answerer.AnswerAsync(activity, ask.Question, cancellationToken),
            UserIntent.Help => WithoutTurn(SendCardAsync(activity, cards.Help(), cancellationToken)),
            UserIntent.NewTopic => WithoutTurn(StartNewTopicAsync(activity, cancellationToken)),
            UserIntent.Audience audience => WithoutTurn(AudienceAsync(activity, audience.Choice, cancellationToken)),
            UserIntent.About => WithoutTurn(SendTextAsync(activity, BotReplies.About, cancellationToken)),
            UserIntent.Feedback rating => WithoutTurn(FeedbackAsync(activity, rating, cancellationToken)),
            UserIntent.TooLong tooLong => WithoutTurn(SendCardAsync(activity,
                cards.TooLong(tooLong.Length, AnswerRequestLimits.MaxQuestionLength), cancellationToken)),
            _ => WithoutTurn(SendCardAsync(activity, cards.Welcome(), cancellationToken)),
        };
    }

    private async Task StartNewTopicAsync(Activity activity, CancellationToken cancellationToken)
    {
        await store.ResetThreadAsync(activity.Conversation!.Id!, cancellationToken);
        await SendTextAsync(activity, BotReplies.NewTopic, cancellationToken);
    }

    private async Task AudienceAsync(Activity activity, string? choice, CancellationToken cancellationToken)
    {
        var userKey = ConversationScope.UserKey(activity);
        if (choice is null)
        {
            var current = await store.GetAudienceAsync(userKey, cancellationToken) ?? Audiences.Physician;
            await SendCardAsync(activity, cards.Audience(current), cancellationToken);
            return;
        }

        await store.SetAudienceAsync(userKey, choice, cancellationToken);
        await SendCardAsync(activity, cards.Audience(choice), cancellationToken);
    }

    private async Task FeedbackAsync(Activity activity, UserIntent.Feedback rating, CancellationToken cancellationToken)
    {
        await feedback.RecordAsync(activity.Conversation!.Id!, rating.AnswerId, null, rating.Reaction, rating.Comment, cancellationToken);
        await SendCardAsync(activity, cards.FeedbackThanks(rating.Reaction), cancellationToken);
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

    private Task SendCardAsync(Activity activity, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken) =>
        replies.SendAsync(activity, Replies.Card(activity, card), cancellationToken);

    private Task SendTextAsync(Activity activity, string text, CancellationToken cancellationToken) =>
        replies.SendAsync(activity, Replies.Text(activity, text), cancellationToken);

    private static async Task<ThreadTurn?> WithoutTurn(Task work)
    {
        await work;
        return null;
    }

    [LoggerMessage(EventId = 5021, Level = LogLevel.Debug, Message = "Message interpreted as {Intent}")]
    private partial void LogIntent(string intent);
}
