namespace OracleBot.AnswerService;

// An explicit entry point in this namespace: a top-level program would add a public global `Program`
// that clashes with the bot's in projects referencing both.
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var app = AnswerApi.Build(args);
        await app.RunAsync();
    }
}
