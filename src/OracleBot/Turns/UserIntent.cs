using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>What a message activity asks the bot to do.</summary>
internal abstract record UserIntent
{
    private UserIntent()
    {
    }

    /// <summary>A clinical question, typed or tapped as a follow-up or retry.</summary>
    public sealed record Ask(string Question) : UserIntent;

    public sealed record Help : UserIntent;

    /// <summary>Forget the thread's earlier turns.</summary>
    public sealed record NewTopic : UserIntent;

    /// <summary>Show the audience choice, or set it at once when the user named one.</summary>
    public sealed record Audience(string? Choice) : UserIntent;

    public sealed record About : UserIntent;

    /// <summary>A greeting, an empty message or a bare mention: answered with the welcome card, not a search.</summary>
    public sealed record Greet : UserIntent;

    public sealed record TooLong(int Length) : UserIntent;

    public sealed record Feedback(string AnswerId, string Reaction, string? Comment) : UserIntent;

    /// <summary>A card submit this bot does not recognise (e.g. from an old card version).</summary>
    public sealed record UnknownAction : UserIntent;

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "hi", "hello", "hey", "hallo", "hola", "good morning", "good afternoon", "good evening", "start", "?", "hiya", "yo", "ok", "okay", "thanks", "thank you", "test",
    };

    public static UserIntent Of(Activity activity, int maxQuestionLength)
    {
        if (activity.Value is JsonObject value)
        {
            return FromCardAction(value, maxQuestionLength);
        }

        var text = MentionText.WithoutBotMention(activity).Trim().TrimEnd('!', '.');
        if (text.Length == 0 || Greetings.Contains(text))
        {
            return new Greet();
        }

        return Command(text) ?? AskOrTooLong(text, maxQuestionLength);
    }

    private static UserIntent? Command(string text)
    {
        // Commands are short; questions skip the lower-casing copy.
        if (text.Length > 24)
        {
            return null;
        }

        var lower = string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        switch (lower)
        {
            case "help":
                return new Help();
            case "new topic" or "new-topic" or "newtopic" or "reset":
                return new NewTopic();
            case "about":
                return new About();
            case "audience":
                return new Audience(null);
        }

        // "audience nurse" sets it directly; anything else after "audience" is a question about audiences.
        if (lower.StartsWith("audience ", StringComparison.Ordinal))
        {
            var choice = lower["audience ".Length..].Trim();
            if (Audiences.All.Contains(choice))
            {
                return new Audience(choice);
            }
        }

        return null;
    }

    private static UserIntent FromCardAction(JsonObject value, int maxQuestionLength)
    {
        switch (JsonValues.AsString(value["action"]))
        {
            case "followUp":
            case "retry":
                var question = JsonValues.AsString(value["question"])?.Trim();
                return string.IsNullOrEmpty(question) ? new UnknownAction() : AskOrTooLong(question, maxQuestionLength);
            case "feedback":
                var answerId = JsonValues.AsString(value["answerId"]);
                var reaction = JsonValues.AsString(value["reaction"]);
                return answerId is null || reaction is not ("like" or "dislike")
                    ? new UnknownAction()
                    : new Feedback(answerId, reaction, JsonValues.AsString(value["comment"]));
            case "help":
                return new Help();
            case "newTopic":
                return new NewTopic();
            case "audience":
                var chosen = JsonValues.AsString(value["audience"])?.Trim().ToLowerInvariant();
                return new Audience(chosen is not null && Audiences.All.Contains(chosen) ? chosen : null);
            default:
                return new UnknownAction();
        }
    }

    private static UserIntent AskOrTooLong(string question, int maxQuestionLength) =>
        question.Length > maxQuestionLength ? new TooLong(question.Length) : new Ask(question);
}
