using System.Diagnostics;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Evaluation;

/// <summary>Runs every question through retrieval and scores the ranked documents.</summary>
public static class RetrievalEvaluator
{
    private const int Depth = 10;

    public static (EvalSummary Summary, IReadOnlyList<QuestionScore> Scores) Run(IRetriever retriever, IReadOnlyList<EvalQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        ArgumentNullException.ThrowIfNull(questions);

        // Out-of-scope questions have no gold documents to rank, and a follow-up ("and in children?") is
        // searched for only after the thread rewrites it; answer scoring counts both.
        questions = [.. questions.Where(q => q.Relevant.Count > 0 && !q.IsFollowUp)];

        // Warm up the JIT and the index's caches so timings describe a running service.
        foreach (var question in questions.Take(300))
        {
            retriever.Search(question.Question, Depth);
        }

        var scores = new List<QuestionScore>(questions.Count);
        var times = new double[questions.Count];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var started = Stopwatch.GetTimestamp();
            var ranked = retriever.Search(question.Question, Depth).Select(d => d.Document.Id).ToList();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            scores.Add(new QuestionScore(
                question,
                ranked,
                RankingMetrics.RecallAt(ranked, question.Relevant, 1),
                RankingMetrics.RecallAt(ranked, question.Relevant, 5),
                RankingMetrics.ReciprocalRankAt(ranked, question.Relevant, Depth),
                RankingMetrics.NdcgAt(ranked, question.Relevant, Depth)));
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        Array.Sort(times);
        var count = Math.Max(scores.Count, 1);
        var summary = new EvalSummary(
            scores.Count,
            scores.Sum(s => s.RecallAt1) / count,
            scores.Sum(s => s.RecallAt5) / count,
            scores.Sum(s => s.ReciprocalRankAt10) / count,
            scores.Sum(s => s.NdcgAt10) / count,
            Percentile(times, 0.50),
            Percentile(times, 0.99),
            cpu / count);
        return (summary, scores);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
