namespace OracleBot.Answers.Embeddings;

/// <summary>
/// Dense vectors for hybrid retrieval (configuration section <c>Answers:Vectors</c>): every passage embedded
/// once per index with all-MiniLM-L6-v2, in the background, and fused with BM25 once ready.
/// </summary>
public sealed class VectorOptions
{
    /// <summary>Off: BM25 alone, the model is never loaded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A knowledge base with more passages than this is searched with BM25 alone (embedding it would take too long).</summary>
    public int MaxPassages { get; set; } = 200_000;

    /// <summary>How much of a passage (title, heading and text) the model reads, in WordPiece tokens.</summary>
    public int MaxTokens { get; set; } = 128;

    /// <summary>Weight of the cosine in the fused score; BM25 has the rest (0 = BM25 order, 1 = vectors alone).</summary>
    public float Weight { get; set; } = 0.5f;

    /// <summary>How many passages each of BM25 and the vectors contributes to the candidates that are fused.</summary>
    public int Candidates { get; set; } = 100;

    /// <summary>Threads of one embedding run (a question, or a passage in the background); 1 computes on the calling thread alone.</summary>
    public int Threads { get; set; } = 1;

    internal const int QueryMaxTokens = 64;

    internal static string? Validate(VectorOptions o) => o switch
    {
        { MaxPassages: < 0 } => "Answers:Vectors:MaxPassages must not be negative.",
        { MaxTokens: < 16 or > SentenceEncoder.ModelMaxTokens } => $"Answers:Vectors:MaxTokens must be between 16 and {SentenceEncoder.ModelMaxTokens}.",
        { Weight: var w } when !(w >= 0 && w <= 1) => "Answers:Vectors:Weight must be between 0 and 1.",
        { Candidates: < 10 or > 1000 } => "Answers:Vectors:Candidates must be between 10 and 1000.",
        { Threads: < 1 or > 8 } => "Answers:Vectors:Threads must be between 1 and 8.",
        _ => null,
    };
}

/// <summary>Checks <c>Answers:Vectors</c> on start, naming the setting that is out of range.</summary>
internal sealed class VectorOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<AnswersOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, AnswersOptions options) =>
        VectorOptions.Validate(options.Vectors) is { } failure
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failure)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
