using OracleBot.Benchmarks;
using OracleBot.Benchmarks.Memory;
using OracleBot.Benchmarks.Progress;
using OracleBot.Benchmarks.PubMed;
using OracleBot.Benchmarks.Retrieval;
using OracleBot.Benchmarks.Soak;
using OracleBot.Benchmarks.Stages;
using OracleBot.Benchmarks.Turns;

// Every benchmark; add new ones here.
IBenchmark[] benchmarks = [new TurnsBenchmark(), new TurnStagesBenchmark(), new BaselineServer(), new ProgressBenchmark(), new StoreBenchmark(), new RetrievalBenchmark(), new PubMedBenchmark(), new SoakBenchmark(), new MemoryBenchmark()];

var selected = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (selected is null)
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/OracleBot.Benchmarks -- <benchmark> [options]");
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"  {benchmark.Name,-12} {benchmark.Summary}");
    }

    return args.Length == 0 ? 0 : 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await selected.RunAsync(args[1..], cancellation.Token);
