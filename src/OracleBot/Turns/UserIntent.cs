using System.Text.Json.Nodes;
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

    /// <summary>A greeting, an empty message or a bare mention: answered with the welcome card, not a search.</summary>
    public sealed record Greet : UserIntent;

    public sealed record TooLong(int Length) : UserIntent;

    public sealed record Feedback(string AnswerId, string Reaction) : UserIntent;

    /// <summary>A card submit this bot does not recognise (e.g. from an old card version).</summary>
    public sealed record UnknownAction : UserIntent;

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "hi", "hello", "hey", "hallo", "hola", "good morning", "good afternoon", "good evening", "start", "?",
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

        if (string.Equals(text, "help", StringComparison.OrdinalIgnoreCase))
        {
            return new Help();
        }

        return AskOrTooLong(text, maxQuestionLength);
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
                    : new Feedback(answerId, reaction);
            case "help":
                return new Help();
            default:
                return new UnknownAction();
        }
    }

    private static UserIntent AskOrTooLong(string question, int maxQuestionLength) =>
        question.Length > maxQuestionLength ? new TooLong(question.Length) : new Ask(question);
}
