using OracleBot.Answers.Embeddings;

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

    /// <summary>Folder of documents imported with <c>oraclebot index</c>; default: <c>data/library</c> under the content root.</summary>
    public string? LibraryDirectory { get; set; }

    /// <summary>Folder for the built index; default: <c>data/index</c> under the content root.</summary>
    public string? IndexDirectory { get; set; }

    /// <summary>Most statements in one answer, the bottom line included.</summary>
    public int MaxStatements { get; set; } = 8;

    /// <summary>How many documents retrieval hands to the composer.</summary>
    public int TopDocuments { get; set; } = 8;

    /// <summary>Questions with at most this many words that name no topic of their own borrow the thread's topic for retrieval.</summary>
    public int ShortQuestionWords { get; set; } = 8;

    /// <summary>How many composed answers to keep for repeated questions (least recently used go first); 0 turns the cache off.</summary>
    public int AnswerCacheSize { get; set; } = 1024;

    /// <summary>Dense vectors fused with BM25 (hybrid retrieval) for the embedded engine.</summary>
    public VectorOptions Vectors { get; set; } = new();

    /// <summary>The remote answer service (<see cref="AnswerMode.Remote"/>).</summary>
    public RemoteAnswerOptions Remote { get; set; } = new();

    /// <summary>Azure OpenAI for writing answers; unset endpoint = extractive answers only.</summary>
    public AzureOpenAIOptions AzureOpenAI { get; set; } = new();

    /// <summary>Live PubMed search beside the local library; off unless enabled.</summary>
    public PubMed.PubMedOptions PubMed { get; set; } = new();
}
