namespace OracleBot.Answers;

/// <summary>Which answer service the bot uses.</summary>
public enum AnswerMode
{
    /// <summary>The in-process engine over the local knowledge base.</summary>
    Embedded,

    /// <summary>A separate answer service over HTTP.</summary>
    Remote,
}

/// <summary>Settings of the answer service (configuration section <c>Answers</c>).</summary>
public sealed class AnswersOptions
{
    public const string SectionName = "Answers";

    public AnswerMode Mode { get; set; } = AnswerMode.Embedded;

    /// <summary>Folder of seed JSONL files; default: <c>seeds</c> beside the binary, else the nearest <c>seeds</c> folder above the current directory.</summary>
    public string? SeedsDirectory { get; set; }

    /// <summary>Folder for the built index; default: <c>data/index</c> under the content root.</summary>
    public string? IndexDirectory { get; set; }

    /// <summary>Most statements in one answer, the bottom line included.</summary>
    public int MaxStatements { get; set; } = 8;

    /// <summary>How many documents retrieval hands to the composer.</summary>
    public int TopDocuments { get; set; } = 8;

    /// <summary>Questions with at most this many words borrow the previous question of the thread for retrieval.</summary>
    public int ShortQuestionWords { get; set; } = 8;
}
