namespace OracleBot.Cli;

/// <summary>
/// Runs a verb instead of the server when the first argument names one. Verbs get the same configuration
/// and services as the bot (built but not started), so they see exactly what the bot would.
/// </summary>
internal static class CommandLine
{
    /// <summary>Every verb; add new ones here.</summary>
    private static readonly ICliVerb[] Verbs = [new EvalVerb(), new IndexVerb(), new BuildIndexVerb(), new FeedbackVerb(), new ReplayVerb()];

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Verbs.Any(v => v.Name == args[0]) || args[0] is "--help" or "help-cli");

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            await Console.Out.WriteLineAsync("usage: oraclebot [verb] [arguments]\n  (no verb)  run the bot");
            foreach (var v in Verbs)
            {
                await Console.Out.WriteLineAsync($"  {v.Name,-10} {v.Summary}");
            }

            return 0;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await verb.RunAsync(args[1..], services, cancellation.Token);
    }
}
