using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;
using OracleBot.Benchmarks.Retrieval;
using OracleBot.Benchmarks.Turns;
using OracleBot.Cards;
using OracleBot.Protocol.Schema;
using Activity = OracleBot.Protocol.Schema.Activity;

namespace OracleBot.Benchmarks.Stages;

/// <summary>
/// Where a turn's CPU goes: each in-process stage of answering (retrieval and composition, card binding,
/// AI entity, reply serialisation) measured on one thread over the benchmark questions, with the bytes each
/// allocates (allocation drives the garbage collector, a large share of a turn's CPU under load).
/// </summary>
internal sealed class TurnStagesBenchmark : IBenchmark
{
    public string Name => "stages";

    public string Summary => "per-stage cost of a turn on one thread (answer, card, entity, serialise) [--passes N]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var passes = arguments.Count > 1 && arguments[0] == "--passes" ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 3;
        var root = BenchPaths.RepositoryRoot;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Answers:IndexDirectory"] = Path.Combine(root, "artifacts", "index"), ["Answers:Vectors:Enabled"] = "false" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddAnswerService()
            .AddCards()
            .BuildServiceProvider();
        await services.GetRequiredService<KnowledgeIndex>().EnsureReadyAsync(cancellationToken);
        var answers = services.GetRequiredService<IAnswerService>();
        var cards = services.GetRequiredService<CardFactory>();
        var questions = BenchQuestions.Load(root);

        var stages = new[] { "answer (retrieve + compose)", "answer card", "Teams AI entity", "serialise reply" };
        var cpu = new double[stages.Length];
        var allocated = new double[stages.Length];
        var count = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            // Each stage runs over every question in turn and is measured as a whole: thread CPU time (not wall
            // time, so other load on the machine does not count) and bytes allocated.
            var measure = pass > 0;
            var answered = new Answer[questions.Count];
            // As a turn does it: card and entity written straight to UTF-8, carried in the reply as those bytes.
            var bound = new (byte[] Card, byte[] Entity)[questions.Count];
            Measure(0, () =>
            {
                for (var i = 0; i < questions.Count; i++)
                {
                    answered[i] = answers.AnswerAsync(new AnswerRequest(questions[i]), cancellationToken).GetAwaiter().GetResult();
                }
            });
            Measure(1, () =>
            {
                for (var i = 0; i < answered.Length; i++)
                {
                    bound[i].Card = cards.AnswerUtf8(answered[i], Audiences.Physician);
                }
            });
            Measure(2, () =>
            {
                for (var i = 0; i < answered.Length; i++)
                {
                    bound[i].Entity = TeamsAiEntity.Utf8(answered[i]);
                }
            });
            Measure(3, () =>
            {
                foreach (var (card, entity) in bound)
                {
                    var reply = new Activity
                    {
                        Type = ActivityTypes.Message,
                        Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = RawJson.Node(card) }],
                        Entities = [RawJson.Node(entity)],
                    };
                    _ = ActivityJson.SerializeToUtf8Bytes(reply);
                }
            });
            count += measure ? questions.Count : 0;

            void Measure(int stage, Action run)
            {
                var cpuBefore = ThreadCpu.Nanoseconds();
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                run();
                if (measure)
                {
                    cpu[stage] += (ThreadCpu.Nanoseconds() - cpuBefore) / 1000.0;
                    allocated[stage] += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                }
            }
        }

        Console.WriteLine($"Turn stages over {count:N0} answers ({questions.Count:N0} distinct questions, {passes - 1} measured passes after one warm-up):");
        Console.WriteLine("| stage | CPU µs per answer | allocated KB per answer |");
        Console.WriteLine("|---|---:|---:|");
        for (var i = 0; i < stages.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stages[i]} | {cpu[i] / count:F1} | {allocated[i] / count / 1024:F1} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| total | {cpu.Sum() / count:F1} | {allocated.Sum() / count / 1024:F1} |"));
        return 0;
    }
}
