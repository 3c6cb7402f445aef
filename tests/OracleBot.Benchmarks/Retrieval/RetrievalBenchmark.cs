using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Embeddings;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Benchmarks.Retrieval;

/// <summary>
/// <c>retrieval [--passages N] [--data DIR] [--rounds N]</c>: over the seed knowledge base, index build
/// throughput, restart time, search and whole-answer latency (wall p50/p99, CPU and allocation per query),
/// then a synthetic N-passage index (default 1,000,000) with its search latency and memory. Prints a table.
/// With <c>--hybrid-index DIR</c>, also hybrid retrieval (BM25 fused with passage vectors) over the seed set,
/// its index kept in DIR so the vectors are computed once (the first run embeds every passage: many minutes).
/// </summary>
internal sealed class RetrievalBenchmark : IBenchmark
{
    private const int Top = 8;

    public string Name => "retrieval";

    public string Summary => "seed-set search/answer latency and CPU, build docs/s, restart time; synthetic 1M-passage scaling run";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var passages = Option(arguments, "--passages") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : 1_000_000;
        var rounds = Option(arguments, "--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
        var table = new List<(string Measure, string Value)>();
        var work = Directory.CreateTempSubdirectory("oraclebot-retrieval-bench-");
        try
        {
            var location = new KnowledgeIndexLocation(Path.Combine(BenchPaths.RepositoryRoot, "seeds"), Path.Combine(work.FullName, "seed-index"));
            var clock = Stopwatch.StartNew();
            using (var first = new KnowledgeIndex(location, NullLogger<KnowledgeIndex>.Instance))
            {
                await first.EnsureReadyAsync(cancellationToken);
                var report = first.Report!;
                table.Add(("seed set", $"{report.Documents:N0} documents, {report.Passages:N0} passages"));
                table.Add(("first build (parse + index)", $"{clock.Elapsed.TotalSeconds:F1} s = {report.Documents / clock.Elapsed.TotalSeconds:N0} docs/s ({report.Passages / clock.Elapsed.TotalSeconds:N0} passages/s)"));
            }

            GC.Collect();
            clock.Restart();
            using var index = new KnowledgeIndex(location, NullLogger<KnowledgeIndex>.Instance);
            await index.EnsureReadyAsync(cancellationToken);
            table.Add(("restart (open built index)", $"{clock.Elapsed.TotalMilliseconds:F0} ms"));
            table.Add(("managed heap after open", $"{GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MB ({index.Impacts.PostingCount:N0} postings, ~{index.Impacts.ApproximateBytes / 1048576.0:F0} MB of them)"));
            table.Add(("process RSS after open", $"{Environment.WorkingSet / 1048576.0:F0} MB"));

            var questions = QuerySample.Load(QuerySample.DataDirectory(Option(arguments, "--data")), index.Store.Documents.Select(d => d.DisplayTitle));
            var search = LatencySample.Measure(questions, rounds, q => index.Search(q, Top));
            Add(table, $"search, seed set ({questions.Count:N0} questions x {rounds})", search);

            // Uncached: every question is composed (the answer cache is off).
            var uncached = new EmbeddedAnswerService(index, Options.Create(new AnswersOptions { AnswerCacheSize = 0 }), NullLogger<EmbeddedAnswerService>.Instance);
            var answer = LatencySample.Measure(questions, 1, q => uncached.AnswerAsync(new AnswerRequest(q), CancellationToken.None).GetAwaiter().GetResult());
            Add(table, $"whole answer, uncached, passages new ({questions.Count:N0} questions)", answer);

            // The same questions again with the answer cache still off: passages' sentences are analysed by now.
            var again = LatencySample.Measure(questions, 1, q => uncached.AnswerAsync(new AnswerRequest(q), CancellationToken.None).GetAwaiter().GetResult());
            Add(table, "whole answer, uncached, passages seen before", again);

            // Cached: the same questions asked again (different case and spacing) are answered from the cache.
            var cached = new EmbeddedAnswerService(index, Options.Create(new AnswersOptions { AnswerCacheSize = questions.Count }), NullLogger<EmbeddedAnswerService>.Instance);
            // Asked twice: the cache keeps an answer from its second asking on.
            foreach (var q in questions.Concat(questions))
            {
                await cached.AnswerAsync(new AnswerRequest(q), cancellationToken);
            }

            var hit = LatencySample.Measure(questions, rounds, q => cached.AnswerAsync(new AnswerRequest("  " + q.ToUpperInvariant()), CancellationToken.None).GetAwaiter().GetResult());
            Add(table, $"whole answer, answer-cache hit (hits {cached.Cache.Hits:N0}, misses {cached.Cache.Misses:N0})", hit);

            if (Option(arguments, "--hybrid-index") is { } hybridRoot)
            {
                await MeasureHybridAsync(table, location with { IndexDirectory = Path.GetFullPath(hybridRoot) }, questions, rounds, cancellationToken);
            }

            if (passages > 0)
            {
                var vocabulary = index.Impacts.Vocabulary().ToList();
                GC.Collect();
                var (synthetic, write, open) = SyntheticIndex.Build(Path.Combine(work.FullName, "synthetic"), vocabulary, passages, seed: 42);
                table.Add(($"synthetic index ({passages:N0} passages)", $"written in {write.TotalSeconds:F0} s ({passages / write.TotalSeconds:N0} passages/s), postings read in {open.TotalSeconds:F1} s"));
                var first = new int[synthetic.DocumentCount];
                for (var i = 0; i < first.Length; i++)
                {
                    first[i] = i;
                }

                var queries = questions.Select(q => index.Retrieve(new RetrievalQuery(q), 1).Terms.Select(t => (t.Text, t.Weight)).ToList()).ToList();
                var scaled = LatencySample.Measure(queries, 1, q => synthetic.Search(q, Top * 4, first));
                Add(table, "search, synthetic", scaled);
                table.Add(("synthetic postings in memory", $"{synthetic.PostingCount:N0} postings, ~{synthetic.ApproximateBytes / 1048576.0:F0} MB; process RSS {Environment.WorkingSet / 1048576.0:F0} MB"));
                GC.KeepAlive(synthetic);
            }

            Print(table);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task MeasureHybridAsync(List<(string, string)> table, KnowledgeIndexLocation location, IReadOnlyList<string> questions, int rounds, CancellationToken cancellationToken)
    {
        var vectors = new VectorOptions();
        using (var build = new KnowledgeIndex(location, NullLogger<KnowledgeIndex>.Instance, vectors))
        {
            var building = Stopwatch.StartNew();
            await build.EnsureVectorsSettledAsync(cancellationToken);
            table.Add(("hybrid: index and vectors first opened", $"{building.Elapsed.TotalSeconds:F1} s, vectors {build.Vectors.State} ({build.Vectors.Total:N0} passages)"));
        }

        GC.Collect();
        var clock = Stopwatch.StartNew();
        using var index = new KnowledgeIndex(location, NullLogger<KnowledgeIndex>.Instance, vectors);
        await index.EnsureReadyAsync(cancellationToken);
        var open = clock.Elapsed;
        await index.EnsureVectorsSettledAsync(cancellationToken);
        table.Add(("hybrid: restart (index open / vectors and model loaded)", $"{open.TotalMilliseconds:F0} ms / {clock.Elapsed.TotalMilliseconds:F0} ms, vectors {index.Vectors.State}"));
        GC.Collect();
        table.Add(("hybrid: process RSS with model and vectors", $"{Environment.WorkingSet / 1048576.0:F0} MB (managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MB)"));
        var search = LatencySample.Measure(questions, rounds, q => index.Search(q, Top));
        Add(table, $"hybrid: search, query embedded each time ({questions.Count:N0} x {rounds})", search);
        var uncached = new EmbeddedAnswerService(index, Options.Create(new AnswersOptions { AnswerCacheSize = 0 }), NullLogger<EmbeddedAnswerService>.Instance);
        var answer = LatencySample.Measure(questions, 1, q => uncached.AnswerAsync(new AnswerRequest(q), CancellationToken.None).GetAwaiter().GetResult());
        Add(table, "hybrid: whole answer, uncached", answer);
        table.Add(("hybrid: process RSS after the questions", $"{Environment.WorkingSet / 1048576.0:F0} MB"));
    }

    private static void Add(List<(string, string)> table, string name, LatencySample sample) =>
        table.Add((name, $"p50 {sample.Wall.P50:F3} ms, p99 {sample.Wall.P99:F3} ms, CPU {sample.CpuMicroseconds:F0} µs/query, {sample.AllocatedKilobytes:F1} KB allocated/query"));

    private static void Print(List<(string Measure, string Value)> table)
    {
        var width = table.Max(t => t.Measure.Length);
        Console.WriteLine($"| {"measure".PadRight(width)} | value |");
        Console.WriteLine($"| {new string('-', width)} | ----- |");
        foreach (var (measure, value) in table)
        {
            Console.WriteLine($"| {measure.PadRight(width)} | {value} |");
        }
    }

    private static string? Option(IReadOnlyList<string> arguments, string name)
    {
        var at = arguments.ToList().IndexOf(name);
        return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
    }
}
