namespace OracleBot.Conversations;

/// <summary>What personal or clinical text the bot may keep (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Keep the question text with feedback records; off by default.</summary>
    public bool StoreQuestions { get; set; }
}
