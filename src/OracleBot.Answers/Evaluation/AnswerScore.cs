namespace OracleBot.Answers.Evaluation;

/// <summary>How one answer did against its question's labels.</summary>
/// <param name="Answered">The answer has a bottom line (it did not say "not covered").</param>
/// <param name="BottomLineDocument">The document the bottom line cites first; null when there is none.</param>
/// <param name="BottomLineSection">The heading path of the passage the bottom line cites, if it has one.</param>
/// <param name="BottomLineFromGold">The bottom line cites a gold document.</param>
/// <param name="BottomLineFromGoldSection">The bottom line cites a passage under a gold section; null when the question has none.</param>
/// <param name="GoldCited">Some citation of the answer is a gold document.</param>
/// <param name="RougeL">ROUGE-L F1 of the bottom line against the gold answer; null without a gold answer.</param>
public sealed record AnswerScore(
    EvalQuestion Question,
    bool Answered,
    string? BottomLine,
    string? BottomLineDocument,
    string? BottomLineSection,
    bool BottomLineFromGold,
    bool? BottomLineFromGoldSection,
    bool GoldCited,
    double? RougeL,
    double Milliseconds);

/// <summary>
/// Answer quality over a question set. Rates over answerable questions (gold documents, not follow-ups) unless
/// named otherwise; null where the set has no question of that kind.
/// </summary>
public sealed record AnswerSummary(
    int Answerable,
    double AnsweredRate,
    double BottomLineFromGold,
    int WithGoldSection,
    double? BottomLineFromGoldSection,
    double GoldCited,
    int WithGoldAnswer,
    double? RougeL,
    int OutOfScope,
    double? NotCoveredRate,
    int FollowUps,
    double? FollowUpBottomLineFromGold,
    double P50Milliseconds,
    double P99Milliseconds);
