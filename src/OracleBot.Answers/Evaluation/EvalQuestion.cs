namespace OracleBot.Answers.Evaluation;

/// <summary>A question with its relevant documents and their graded relevance (1 when ungraded).</summary>
/// <remarks>
/// Answer scoring reads the optional labels: the gold answer (PubMedQA's conclusion), the gold sections
/// (heading texts, matched against the heading path of the passage the bottom line cites), whether the
/// knowledge base cannot answer the question at all, and the earlier questions of the thread for follow-ups.
/// </remarks>
public sealed record EvalQuestion(string Id, string Question, IReadOnlyDictionary<string, int> Relevant)
{
    public string? GoldAnswer { get; init; }

    public IReadOnlyList<string> GoldSections { get; init; } = [];

    /// <summary>The knowledge base does not answer this question; the right answer is "not covered".</summary>
    public bool OutOfScope { get; init; }

    /// <summary>Earlier questions of the same thread, oldest first; empty for a question asked on its own.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    public bool IsFollowUp => Context.Count > 0;
}

/// <summary>Ranking metrics of one question.</summary>
public sealed record QuestionScore(EvalQuestion Question, IReadOnlyList<string> Ranked, double RecallAt1, double RecallAt5, double ReciprocalRankAt10, double NdcgAt10);

/// <summary>Mean metrics over a question set, with per-query cost.</summary>
public sealed record EvalSummary(int Questions, double RecallAt1, double RecallAt5, double MrrAt10, double NdcgAt10, double P50Milliseconds, double P99Milliseconds, double CpuMillisecondsPerQuery);
