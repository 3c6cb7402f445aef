using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Embeddings;
using OracleBot.Answers.Evaluation;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Cli;

/// <summary>
/// <c>oraclebot eval --corpus FILE|DIR … --questions FILE [--qrels FILE] [--out FILE] [--index DIR]</c>:
/// indexes the corpora together (built once per set of files, then reused), runs every question through
/// the same retrieval the bot uses and prints recall@1, recall@5, MRR@10 and nDCG@10.
/// </summary>
internal sealed class EvalVerb : ICliVerb
{
    public string Name => "eval";

    public string Summary => "score retrieval: --corpus FILE|DIR... --questions FILE [--qrels FILE] [--out FILE]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        CliArguments args;
        try
        {
            args = CliArguments.Parse(arguments);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var questionsPath = args.One("questions");
        var corpora = CorpusFiles(args.All("corpus"));
        if (questionsPath is null || corpora.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: oraclebot eval --corpus FILE|DIR [--corpus …] --questions FILE [--qrels FILE] [--out FILE] [--index DIR]");
            return 2;
        }

        var indexRoot = Path.GetFullPath(args.One("index") ?? Path.Combine("data", "eval-index"));
        var loggers = (ILoggerFactory?)services.GetService(typeof(ILoggerFactory));
        var vectors = services.GetService<IOptions<AnswersOptions>>()?.Value.Vectors;
        using var index = new KnowledgeIndex(
            new KnowledgeIndexLocation(Path.GetDirectoryName(corpora[0])!, indexRoot) { Files = corpora },
            loggers?.CreateLogger<KnowledgeIndex>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<KnowledgeIndex>.Instance,
            vectors);
        try
        {
            // Scores describe the retrieval the bot ends up with: hybrid once the vectors (computed once per index) are there.
            await index.EnsureVectorsSettledAsync(cancellationToken);
            var questions = QuestionSetReader.Read(questionsPath, args.One("qrels"));
            var (summary, scores) = RetrievalEvaluator.Run(index, questions);
            var report = index.Report!;
            var output = args.One("out") ?? Path.GetFileNameWithoutExtension(questionsPath) + ".eval.tsv";
            await WritePerQuestionAsync(output, scores, cancellationToken);
            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"corpus      {report.Documents} documents, {report.Passages} passages ({(report.Built ? "built" : "reused")} index)")
                .AppendLine(CultureInfo.InvariantCulture, $"retrieval   {(index.Vectors.State == VectorState.Ready ? $"BM25 + vectors (weight {vectors!.Weight:F2}, {vectors.MaxTokens} tokens)" : $"BM25 alone (vectors {index.Vectors.State.ToString().ToLowerInvariant()})")}")
                .AppendLine(CultureInfo.InvariantCulture, $"questions   {summary.Questions} ({Path.GetFileName(questionsPath)})")
                .AppendLine(CultureInfo.InvariantCulture, $"recall@1    {summary.RecallAt1:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"recall@5    {summary.RecallAt5:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"MRR@10      {summary.MrrAt10:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"nDCG@10     {summary.NdcgAt10:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"search      p50 {summary.P50Milliseconds:F3} ms, p99 {summary.P99Milliseconds:F3} ms, CPU {summary.CpuMillisecondsPerQuery:F3} ms/query")
                .AppendLine(CultureInfo.InvariantCulture, $"per question {Path.GetFullPath(output)}");
            await Console.Out.WriteAsync(text.ToString());
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    // A folder stands for every corpus*.jsonl below it (question files are not documents).
    private static List<string> CorpusFiles(IReadOnlyList<string> arguments) =>
        [.. arguments.SelectMany<string, string>(a => Directory.Exists(a)
            ? Directory.EnumerateFiles(a, "corpus*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [a]).Select(Path.GetFullPath)];

    private static async Task WritePerQuestionAsync(string path, IReadOnlyList<QuestionScore> scores, CancellationToken cancellationToken)
    {
        var lines = new List<string>(scores.Count + 1) { "id\trecall@1\trecall@5\trr@10\tndcg@10\trelevant\ttop10" };
        lines.AddRange(scores.Select(s => string.Join('\t',
            s.Question.Id,
            s.RecallAt1.ToString("F3", CultureInfo.InvariantCulture),
            s.RecallAt5.ToString("F3", CultureInfo.InvariantCulture),
            s.ReciprocalRankAt10.ToString("F3", CultureInfo.InvariantCulture),
            s.NdcgAt10.ToString("F3", CultureInfo.InvariantCulture),
            string.Join(',', s.Question.Relevant.Keys),
            string.Join(',', s.Ranked))));
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }
}
