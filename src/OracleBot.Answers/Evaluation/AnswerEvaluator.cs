using System.Diagnostics;
using OracleBot.Answers.Contract;

namespace OracleBot.Answers.Evaluation;

/// <summary>
/// Asks the answer service every question as a clinician would (a follow-up after its thread's earlier
/// questions, each answered first) and scores the answers against the question's labels.
/// </summary>
public static class AnswerEvaluator
{
    /// <param name="sectionOf">The heading path of a passage (by passage id), or null when it has none.</param>
    public static async Task<(AnswerSummary Summary, IReadOnlyList<AnswerScore> Scores)> RunAsync(
        IAnswerService answers,
        IReadOnlyList<EvalQuestion> questions,
        Func<string, string?> sectionOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(sectionOf);
        var scores = new List<AnswerScore>(questions.Count);
        foreach (var question in questions)
        {
            var context = new List<PriorTurn>();
            foreach (var earlier in question.Context)
            {
                var prior = await answers.AnswerAsync(new AnswerRequest(earlier, Context: [.. context]), cancellationToken).ConfigureAwait(false);
                context.Add(new PriorTurn(earlier, prior.BottomLine?.Text ?? string.Empty, [.. prior.Citations.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal)]));
            }

            var started = Stopwatch.GetTimestamp();
            var answer = await answers.AnswerAsync(new AnswerRequest(question.Question, Context: context), cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            scores.Add(Score(question, answer, sectionOf, elapsed));
        }

        return (Summarise(scores), scores);
    }

    public static AnswerScore Score(EvalQuestion question, Answer answer, Func<string, string?> sectionOf, double milliseconds)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(sectionOf);
        var bottom = answer.BottomLine;
        var first = bottom is { CitationNumbers.Count: > 0 }
            ? answer.Citations.FirstOrDefault(c => c.Number == bottom.CitationNumbers[0])
            : null;
        var section = first is null ? null : sectionOf(first.PassageId);
        var fromGold = first is not null && question.Relevant.ContainsKey(first.DocumentId);
        bool? fromGoldSection = question.GoldSections.Count == 0 ? null
            : fromGold && section is not null && question.GoldSections.Any(g => SectionMatches(section, g));
        return new AnswerScore(
            question,
            Answered: bottom is not null,
            bottom?.Text,
            first?.DocumentId,
            section,
            fromGold,
            fromGoldSection,
            GoldCited: answer.Citations.Any(c => question.Relevant.ContainsKey(c.DocumentId)),
            RougeL: question.GoldAnswer is null ? null : RougeL.F1(bottom?.Text ?? string.Empty, question.GoldAnswer),
            milliseconds);
    }

    /// <summary>A gold section matches a heading path that contains it (case, spacing and punctuation aside).</summary>
    public static bool SectionMatches(string headingPath, string goldSection)
    {
        ArgumentNullException.ThrowIfNull(headingPath);
        ArgumentNullException.ThrowIfNull(goldSection);
        var gold = Normalise(goldSection);
        return gold.Length > 0 && $" {Normalise(headingPath)} ".Contains($" {gold} ", StringComparison.Ordinal);
    }

    public static AnswerSummary Summarise(IReadOnlyList<AnswerScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var answerable = scores.Where(s => !s.Question.OutOfScope && !s.Question.IsFollowUp && s.Question.Relevant.Count > 0).ToList();
        var withSection = answerable.Where(s => s.BottomLineFromGoldSection is not null).ToList();
        var withAnswer = answerable.Where(s => s.RougeL is not null).ToList();
        var outOfScope = scores.Where(s => s.Question.OutOfScope).ToList();
        var followUps = scores.Where(s => s.Question.IsFollowUp && !s.Question.OutOfScope && s.Question.Relevant.Count > 0).ToList();
        var times = scores.Select(s => s.Milliseconds).Order().ToArray();
        return new AnswerSummary(
            answerable.Count,
            Rate(answerable, s => s.Answered) ?? 0,
            Rate(answerable, s => s.BottomLineFromGold) ?? 0,
            withSection.Count,
            Rate(withSection, s => s.BottomLineFromGoldSection == true),
            Rate(answerable, s => s.GoldCited) ?? 0,
            withAnswer.Count,
            withAnswer.Count == 0 ? null : withAnswer.Average(s => s.RougeL!.Value),
            outOfScope.Count,
            Rate(outOfScope, s => !s.Answered),
            followUps.Count,
            Rate(followUps, s => s.BottomLineFromGold),
            RetrievalEvaluator.Percentile(times, 0.50),
            RetrievalEvaluator.Percentile(times, 0.99));
    }

    private static double? Rate(List<AnswerScore> scores, Func<AnswerScore, bool> passes) =>
        scores.Count == 0 ? null : (double)scores.Count(passes) / scores.Count;

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]))
            .Where(w => w.Length > 0));
}
