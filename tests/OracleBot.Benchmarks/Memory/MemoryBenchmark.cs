using System.Diagnostics;
using System.Globalization;
using OracleBot.Benchmarks.Turns;

namespace OracleBot.Benchmarks.Memory;

/// <summary>
/// The bot's resident memory with the model and every passage vector loaded: the real bot process over a
/// built index with vectors, once ready (Healthy) and idle, then again idle after answering distinct (so
/// uncached) questions, each time with where the memory is (anonymous or file-backed, and by mapping).
/// </summary>
internal sealed class MemoryBenchmark : IBenchmark
{
    public string Name => "memory";

    public string Summary => "bot RSS with model and vectors, idle once ready and after uncached questions --index DIR [--build DIR] [--questions 300] [--concurrency 4] [--idle-seconds 15] [--bot-env K=V,…]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var index = BenchOptions.String(arguments, "--index", string.Empty);
        if (index.Length == 0)
        {
            Console.Error.WriteLine("usage: memory --index DIR   (a folder whose kb-* index has its vectors.bin; copy one rather than embed for an hour)");
            return 2;
        }

        var build = BenchOptions.String(arguments, "--build", string.Empty);
        var questionCount = BenchOptions.Int(arguments, "--questions", 300);
        var concurrency = BenchOptions.Int(arguments, "--concurrency", 4);
        var idle = TimeSpan.FromSeconds(BenchOptions.Int(arguments, "--idle-seconds", 15));
        var settings = BenchOptions.String(arguments, "--bot-env", string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty);
        settings["Answers__IndexDirectory"] = Path.GetFullPath(index);
        settings["Answers__Vectors__Enabled"] = "true";

        await using var bot = await BenchBot.StartAsync(settings, cancellationToken, build.Length > 0 ? Path.GetFullPath(build) : null);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var healthy = await WaitHealthyAsync(http, new Uri(bot.Endpoint, "/readyz"), bot.Process, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Bot {(build.Length > 0 ? "from " + build : "of this checkout")}: /readyz 200 after {bot.Startup.TotalSeconds:F1} s, Healthy (vectors loaded) after {healthy.TotalSeconds:F1} s more."));

        await Task.Delay(idle, cancellationToken);
        var ready = MemoryMap.Read(bot.Process.Id);

        var questions = BenchQuestions.Load(BenchPaths.RepositoryRoot).Take(questionCount).ToList();
        var load = new LoadGenerator(http, bot.Sink, bot.Token, questions);
        var cpuBefore = bot.Meter.CpuTime();
        var result = await load.RunAsync(bot.Endpoint, concurrency, questions.Count, "memory", TimeSpan.FromSeconds(60));
        var cpuPerTurn = (bot.Meter.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, result.Turns - result.Errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{questions.Count:N0} distinct questions at {concurrency} at a time: turn p50 {result.P50Milliseconds:F1} ms, p99 {result.P99Milliseconds:F1} ms, {cpuPerTurn:F1} ms CPU per turn, {result.Errors} errors."));
        await Task.Delay(idle, cancellationToken);
        var answered = MemoryMap.Read(bot.Process.Id);

        Console.WriteLine();
        Console.WriteLine("| moment | RSS MB | anonymous MB | file-backed MB | shared memory MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row("idle once ready", ready);
        Row($"idle after {questions.Count:N0} uncached questions", answered);
        Console.WriteLine();
        Console.WriteLine($"Largest mappings after the questions (RSS MB / anonymous MB):");
        foreach (var (mapping, resident, anonymous) in answered.Mappings.Take(12))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {resident,7:F1} {anonymous,7:F1}  {mapping}"));
        }

        return result.Errors > 0 ? 1 : 0;
    }

    private static void Row(string moment, MemoryMap map) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {moment} | {map.ResidentMegabytes:F0} | {map.AnonymousMegabytes:F0} | {map.FileMegabytes:F0} | {map.SharedMemoryMegabytes:F0} |"));

    // /readyz is 200 (Degraded) while the vectors load; Healthy once they are there.
    private static async Task<TimeSpan> WaitHealthyAsync(HttpClient http, Uri readyz, Process process, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {process.ExitCode} before its vectors were ready.");
            }

            if ((await http.GetStringAsync(readyz, cancellationToken)).Contains("Healthy", StringComparison.Ordinal))
            {
                return clock.Elapsed;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{readyz} was not Healthy within 5 minutes: are the index's vectors complete?");
    }
}
