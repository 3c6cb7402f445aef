namespace OracleBot.Turns;

/// <summary>The bot's short plain-text replies to commands.</summary>
internal static class BotReplies
{
    public const string About =
        "OracleBot answers clinical questions with cited evidence from its knowledge base of guidelines, research and " +
        "reference sources. Every statement cites the source it comes from. It supports, and does not replace, clinical judgement.";

    public const string NewTopic = "New topic: earlier questions in this conversation no longer shape the answers.";
}
