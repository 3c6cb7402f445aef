namespace OracleBot.Answers.Evaluation;

/// <summary>A question with its relevant documents and their graded relevance (1 when ungraded).</summary>
public sealed record EvalQuestion(string Id, string Question, IReadOnlyDictionary<string, int> Relevant);

/// <summary>Ranking metrics of one question.</summary>
public sealed record QuestionScore(EvalQuestion Question, IReadOnlyList<string> Ranked, double RecallAt1, double RecallAt5, double ReciprocalRankAt10, double NdcgAt10);

/// <summary>Mean metrics over a question set, with per-query cost.</summary>
public sealed record EvalSummary(int Questions, double RecallAt1, double RecallAt5, double MrrAt10, double NdcgAt10, double P50Milliseconds, double P99Milliseconds, double CpuMillisecondsPerQuery);
