using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Embeddings;
using OracleBot.Answers.Evaluation;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Cli;

/// <summary>
/// <c>oraclebot eval --corpus FILE|DIR … --questions FILE [--qrels FILE] [--out FILE] [--index DIR]</c>:
/// indexes the corpora together (built once per set of files, then reused), runs every question through
/// the same retrieval the bot uses and prints recall@1, recall@5, MRR@10 and nDCG@10; then asks the
/// embedded answer service every question (follow-ups after their thread) and prints answer quality.
/// </summary>
internal sealed class EvalVerb : ICliVerb
{
    private const string Usage = "usage: oraclebot eval --corpus FILE|DIR [FILE|DIR …] --questions FILE [--qrels FILE] [--out FILE] [--index DIR] [--explain FILE]";

    public string Name => "eval";

    public string Summary => "score retrieval and answers: --corpus FILE|DIR... --questions FILE [--qrels FILE] [--out FILE]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        CliArguments args;
        try
        {
            args = CliArguments.ParseWithLists(arguments, ["corpus"]);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var questionsPath = args.One("questions");
        if (questionsPath is null || args.All("corpus").Count == 0 || args.Positional.Count > 0)
        {
            await Console.Error.WriteLineAsync(args.Positional.Count > 0 ? $"eval: unexpected argument '{args.Positional[0]}'. {Usage}" : Usage);
            return 2;
        }

        if (args.All("corpus").FirstOrDefault(c => !File.Exists(c) && !Directory.Exists(c)) is { } missing)
        {
            await Console.Error.WriteLineAsync($"eval: corpus '{missing}' does not exist.");
            return 2;
        }

        var corpora = CorpusFiles(args.All("corpus"));
        if (corpora.Count == 0)
        {
            await Console.Error.WriteLineAsync($"eval: no corpus*.jsonl file in {string.Join(", ", args.All("corpus"))}.");
            return 2;
        }

        var indexRoot = Path.GetFullPath(args.One("index") ?? Path.Combine("data", "eval-index"));
        var loggers = (ILoggerFactory?)services.GetService(typeof(ILoggerFactory)) ?? NullLoggerFactory.Instance;
        var vectors = services.GetService<IOptions<AnswersOptions>>()?.Value.Vectors;
        using var index = new KnowledgeIndex(
            new KnowledgeIndexLocation(CommonFolder(corpora), indexRoot) { Files = corpora },
            loggers.CreateLogger<KnowledgeIndex>(),
            vectors);
        try
        {
            // Scores describe the retrieval the bot ends up with: hybrid once the vectors (computed once per index) are there.
            await index.EnsureVectorsSettledAsync(cancellationToken);
            var questions = QuestionSetReader.Read(questionsPath, args.One("qrels"));
            await index.EnsureReadyAsync(cancellationToken);
            var (summary, scores) = RetrievalEvaluator.Run(index, questions);
            var service = new EmbeddedAnswerService(index, Options.Create(new AnswersOptions { AnswerCacheSize = 0 }), loggers.CreateLogger<EmbeddedAnswerService>());
            var (answers, answerScores) = await AnswerEvaluator.RunAsync(service, questions, id => SectionOf(index, id), cancellationToken);
            var report = index.Report!;
            var output = args.One("out") ?? Path.GetFileNameWithoutExtension(questionsPath) + ".eval.tsv";
            var answersOutput = Path.ChangeExtension(output, null) + ".answers.tsv";
            await WritePerQuestionAsync(output, scores, cancellationToken);
            await AnswerReport.WriteAsync(answersOutput, answerScores, cancellationToken);
            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"corpus      {report.Documents} documents, {report.Passages} passages from {corpora.Count} files ({(report.Built ? "built" : "reused")} index)")
                .AppendLine(CultureInfo.InvariantCulture, $"retrieval   {(index.Vectors.State == VectorState.Ready ? $"BM25 + vectors (weight {vectors!.Weight:F2}, {vectors.MaxTokens} tokens)" : $"BM25 alone (vectors {index.Vectors.State.ToString().ToLowerInvariant()})")}")
                .AppendLine(CultureInfo.InvariantCulture, $"questions   {summary.Questions} with gold documents, {questions.Count} in all ({Path.GetFileName(questionsPath)})")
                .AppendLine(CultureInfo.InvariantCulture, $"recall@1    {summary.RecallAt1:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"recall@5    {summary.RecallAt5:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"MRR@10      {summary.MrrAt10:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"nDCG@10     {summary.NdcgAt10:F3}")
                .AppendLine(CultureInfo.InvariantCulture, $"search      p50 {summary.P50Milliseconds:F3} ms, p99 {summary.P99Milliseconds:F3} ms, CPU {summary.CpuMillisecondsPerQuery:F3} ms/query")
                .Append(AnswerReport.Summary(answers))
                .AppendLine(CultureInfo.InvariantCulture, $"per question {Path.GetFullPath(output)}")
                .AppendLine(CultureInfo.InvariantCulture, $"per answer   {Path.GetFullPath(answersOutput)}");
            if (args.One("explain") is { } explainPath)
            {
                await ExplainAsync(index, questions, explainPath, cancellationToken);
                text.AppendLine(CultureInfo.InvariantCulture, $"explained    {Path.GetFullPath(explainPath)}");
            }

            await Console.Out.WriteAsync(text.ToString());
            return 0;
        }
        catch (Exception ex) when (Unreadable(ex) is { } reason)
        {
            // The reader's message names the file and line; a stack trace would only hide it.
            await Console.Error.WriteLineAsync($"eval: {reason.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    // Corpora are read in parallel, so a bad line may arrive wrapped in an AggregateException.
    private static Exception? Unreadable(Exception ex) => ex switch
    {
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(Unreadable).FirstOrDefault(e => e is not null),
        IOException or InvalidDataException or UnauthorizedAccessException => ex,
        _ => null,
    };

    // How the composer read each question and judged its passages: for working out why an answer went wrong.
    private static async Task ExplainAsync(KnowledgeIndex index, IReadOnlyList<EvalQuestion> questions, string path, CancellationToken cancellationToken)
    {
        var composer = new Answers.Composition.ExtractiveComposer(index.Analyzer, index.Store, 8);
        var rewriter = new Answers.Conversation.CarryOverQueryRewriter(index);
        var lines = new List<string>();
        foreach (var question in questions)
        {
            var request = new Answers.Contract.AnswerRequest(question.Question, Context: [.. question.Context.Select(c => new Answers.Contract.PriorTurn(c, string.Empty, []))]);
            var query = rewriter.Rewrite(request);
            lines.Add($"{question.Id}\t{question.Question}\t(gold {string.Join(',', question.Relevant.Keys)}; query context: {query.Context})");
            lines.AddRange(composer.Explain(question.Question, index.Retrieve(query, 8), query.Context is null ? null : $"{query.Question} {query.Context}"));
        }

        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }

    private static string? SectionOf(KnowledgeIndex index, string passageId) =>
        index.Store.FindPassage(passageId) is { } passage ? Answers.Composition.SectionPath.Of(passage) : null;

    // The index fingerprint names files relative to one folder; the deepest folder holding them all keeps names distinct.
    private static string CommonFolder(IReadOnlyList<string> files)
    {
        var common = Path.GetDirectoryName(files[0])!;
        while (!files.All(f => f.StartsWith(common.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            && Path.GetDirectoryName(common) is { } parent)
        {
            common = parent;
        }

        return common;
    }

    // A folder stands for every corpus*.jsonl below it (question files are not documents).
    private static List<string> CorpusFiles(IReadOnlyList<string> arguments) =>
        [.. arguments.SelectMany<string, string>(a => Directory.Exists(a)
            ? Directory.EnumerateFiles(a, "corpus*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [a]).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];

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
