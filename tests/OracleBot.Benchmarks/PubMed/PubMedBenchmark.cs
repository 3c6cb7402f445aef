using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.PubMed;
using OracleBot.Answers.Retrieval;
using OracleBot.Benchmarks.Progress;
using OracleBot.Conversations;
using OracleBot.PubMed;
using OracleBot.TestSupport.EUtilities;

namespace OracleBot.Benchmarks.PubMed;

/// <summary>
/// <c>pubmed [--questions N] [--latency MS] [--rate R] [--data DIR] [--index DIR]</c>: the bot's embedded answer
/// service, registered as the bot registers it (SQLite store, so PubMed's cache is the file beside it), over
/// every seed corpus except PubMedQA, answering PubMedQA dev questions — outside that library — twice each in
/// turn: with PubMed off, and with PubMed on against the loopback E-utilities stand-in serving the PubMedQA
/// abstracts (each response held <c>--latency</c> ms, default none: loopback). Requests are paced at
/// <c>--rate</c> (default 0 = NCBI's 3 a second without a key). Prints p50/p90/p99/max answer time of both
/// and how many answers cited PubMed or said it could not be searched in time. BM25 only (vectors off).
/// </summary>
internal sealed class PubMedBenchmark : IBenchmark
{
    public string Name => "pubmed";

    public string Summary => "answer time with PubMed on (loopback E-utilities) beside PubMed off, same out-of-library questions";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var count = Int(arguments, "--questions", 200);
        var latency = TimeSpan.FromMilliseconds(Int(arguments, "--latency", 0));
        var rate = Option(arguments, "--rate") ?? "0";
        var data = Path.GetFullPath(Option(arguments, "--data") ?? Path.Combine(BenchPaths.RepositoryRoot, "..", "shared", "data"));
        var indexDirectory = Path.GetFullPath(Option(arguments, "--index") ?? Path.Combine(BenchPaths.RepositoryRoot, "artifacts", "pubmed-bench-index"));
        var questions = File.ReadLines(Path.Combine(data, "pubmedqa", "questions-dev.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!)
            .Distinct(StringComparer.Ordinal).ToList();
        var warmUp = questions.Skip(count).Take(10).ToList();
        questions = [.. questions.Take(count)];

        await using var eutilities = await LoopbackEUtilities.StartAsync(TestRecords.Load(Path.Combine(data, "pubmedqa", "corpus.jsonl")));
        if (latency > TimeSpan.Zero)
        {
            eutilities.SetFault(new EUtilitiesFault(EUtilitiesFaultKind.Slow, Delay: latency));
        }

        var work = Directory.CreateTempSubdirectory("oraclebot-pubmed-bench-");
        try
        {
            var seeds = LibraryWithoutPubMedQa();
            await using var off = await StartAsync(seeds, indexDirectory, Path.Combine(work.FullName, "off"), null, rate);
            await using var on = await StartAsync(seeds, indexDirectory, Path.Combine(work.FullName, "on"), eutilities.BaseAddress, rate);
            var budget = on.GetRequiredService<PubMedOptions>().Budget;

            // Warm-up on other questions: JIT, the index's pages, the first requests' connections.
            foreach (var question in warmUp)
            {
                await AskAsync(off, question, cancellationToken);
                await AskAsync(on, question, cancellationToken);
            }

            eutilities.ClearRequests();
            var offTimes = new List<double>();
            var onTimes = new List<double>();
            int cited = 0, missed = 0;
            foreach (var question in questions)
            {
                offTimes.Add((await AskAsync(off, question, cancellationToken)).Milliseconds);
                var (answer, milliseconds) = await AskAsync(on, question, cancellationToken);
                onTimes.Add(milliseconds);
                cited += answer.Citations.Any(c => c.Url.StartsWith("https://pubmed.ncbi.nlm.nih.gov/", StringComparison.Ordinal)) ? 1 : 0;
                missed += answer.Notices.Contains(PubMedEvidenceSource.MissedNotice) ? 1 : 0;
            }

            var pubmedOff = Percentiles.Of(offTimes);
            var pubmedOn = Percentiles.Of(onTimes);
            var pace = on.GetRequiredService<PubMedOptions>().EffectiveRequestsPerSecond;
            Console.WriteLine($"{questions.Count} PubMedQA dev questions outside the library, asked in turn; stand-in latency {latency.TotalMilliseconds:F0} ms, {pace:0.#} requests/s, budget {budget.TotalMilliseconds:F0} ms");
            Console.WriteLine("| PubMed | p50 ms | p90 ms | p99 ms | max ms | answers citing PubMed | \"could not be searched\" |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
            Console.WriteLine($"| off | {pubmedOff.P50:F0} | {pubmedOff.P90:F0} | {pubmedOff.P99:F0} | {pubmedOff.Max:F0} | – | – |");
            Console.WriteLine($"| on | {pubmedOn.P50:F0} | {pubmedOn.P90:F0} | {pubmedOn.P99:F0} | {pubmedOn.Max:F0} | {cited} | {missed} |");
            Console.WriteLine($"{eutilities.Requests.Count} requests reached the stand-in; at most {eutilities.MaxRequestsWithin(TimeSpan.FromSeconds(1))} within any second");
            var target = budget.TotalMilliseconds + 100;
            Console.WriteLine(pubmedOn.P99 <= target ? $"p99 with PubMed on is within the budget + 100 ms ({target:F0} ms)" : $"p99 with PubMed on exceeds the budget + 100 ms ({target:F0} ms)");
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(Answer Answer, double Milliseconds)> AskAsync(ServiceProvider services, string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await services.GetRequiredService<IAnswerService>().AnswerAsync(new AnswerRequest(question, "physician", []), cancellationToken);
        return (answer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // The engine as the bot registers it; the answer cache off, so every question is composed.
    private static async Task<ServiceProvider> StartAsync(string seeds, string indexDirectory, string dataDirectory, Uri? pubmed, string rate)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Answers:Mode"] = "Embedded",
            ["Answers:SeedsDirectory"] = seeds,
            ["Answers:IndexDirectory"] = indexDirectory,
            ["Answers:Vectors:Enabled"] = "false",
            ["Answers:AnswerCacheSize"] = "0",
            ["Conversations:Store"] = "Sqlite",
            ["Conversations:DataDirectory"] = dataDirectory,
            ["Answers:PubMed:Enabled"] = pubmed is null ? "false" : "true",
            ["Answers:PubMed:BaseAddress"] = pubmed?.ToString(),
            ["Answers:PubMed:Email"] = "pubmed-bench@example.org",
            ["Answers:PubMed:RequestsPerSecond"] = rate,
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = dataDirectory })
            .AddLogging()
            .AddAnswerService()
            .AddConversationStore()
            .AddPubMedStore()
            .BuildServiceProvider(validateScopes: true);
        await services.GetRequiredService<KnowledgeIndex>().EnsureReadyAsync(CancellationToken.None);
        return services;
    }

    // Every seed corpus but PubMedQA, whose abstracts the stand-in serves: copied once per checkout, so the index
    // built over it is reused by later runs.
    private static string LibraryWithoutPubMedQa()
    {
        var target = Path.Combine(BenchPaths.RepositoryRoot, "artifacts", "pubmed-bench-seeds");
        foreach (var corpus in Directory.GetDirectories(Path.Combine(BenchPaths.RepositoryRoot, "seeds")).Where(d => Path.GetFileName(d) != "pubmedqa"))
        {
            var folder = Directory.CreateDirectory(Path.Combine(target, Path.GetFileName(corpus)));
            foreach (var file in Directory.GetFiles(corpus))
            {
                var copy = Path.Combine(folder.FullName, Path.GetFileName(file));
                if (!File.Exists(copy) || new FileInfo(copy).Length != new FileInfo(file).Length)
                {
                    File.Copy(file, copy, overwrite: true);
                }
            }
        }

        return target;
    }

    private static int Int(IReadOnlyList<string> arguments, string name, int fallback) =>
        Option(arguments, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Option(IReadOnlyList<string> arguments, string name)
    {
        var at = arguments.ToList().IndexOf(name);
        return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
    }
}
