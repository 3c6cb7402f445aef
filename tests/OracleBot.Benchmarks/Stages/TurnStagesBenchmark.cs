using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;
using OracleBot.Benchmarks.Turns;
using OracleBot.Cards;
using OracleBot.Protocol.Schema;
using Activity = OracleBot.Protocol.Schema.Activity;

namespace OracleBot.Benchmarks.Stages;

/// <summary>
/// Where a turn's CPU goes: each in-process stage of answering (retrieval and composition, card binding,
/// AI entity, reply serialisation) timed on one thread over the benchmark questions.
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
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Answers:IndexDirectory"] = Path.Combine(root, "artifacts", "index") })
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
        var totals = new double[stages.Length];
        var count = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            var measure = pass > 0;
            foreach (var question in questions)
            {
                var t0 = Stopwatch.GetTimestamp();
                var answer = await answers.AnswerAsync(new AnswerRequest(question), cancellationToken);
                var t1 = Stopwatch.GetTimestamp();
                var card = cards.Answer(answer, Audiences.Physician);
                var t2 = Stopwatch.GetTimestamp();
                var entity = TeamsAiEntity.ForAnswer(answer);
                var t3 = Stopwatch.GetTimestamp();
                var reply = new Activity
                {
                    Type = ActivityTypes.Message,
                    Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
                    Entities = [entity],
                };
                _ = ActivityJson.SerializeToUtf8Bytes(reply);
                var t4 = Stopwatch.GetTimestamp();
                if (!measure)
                {
                    continue;
                }

                count++;
                totals[0] += Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds;
                totals[1] += Stopwatch.GetElapsedTime(t1, t2).TotalMicroseconds;
                totals[2] += Stopwatch.GetElapsedTime(t2, t3).TotalMicroseconds;
                totals[3] += Stopwatch.GetElapsedTime(t3, t4).TotalMicroseconds;
            }
        }

        Console.WriteLine($"Turn stages over {count:N0} answers ({questions.Count:N0} distinct questions, {passes - 1} measured passes after one warm-up):");
        Console.WriteLine("| stage | mean µs |");
        Console.WriteLine("|---|---:|");
        for (var i = 0; i < stages.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stages[i]} | {totals[i] / count:F1} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| total | {totals.Sum() / count:F1} |"));
        return 0;
    }
}
