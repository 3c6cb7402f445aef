using System.Text;
using OracleBot.Conversations;

namespace OracleBot.Cli;

/// <summary><c>oraclebot feedback export &lt;file.csv&gt;</c>: writes every stored feedback record as CSV.</summary>
internal sealed class FeedbackVerb : ICliVerb
{
    public string Name => "feedback";

    public string Summary => "export <file.csv>: write the stored answer feedback as CSV ('-' for standard output)";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (arguments.Count != 2 || arguments[0] != "export")
        {
            await Console.Error.WriteLineAsync("usage: oraclebot feedback export <file.csv>");
            return 2;
        }

        var store = services.GetRequiredService<IConversationStore>();
        var target = arguments[1];
        int count;
        if (target == "-")
        {
            count = await FeedbackCsv.WriteAsync(store.ReadFeedbackAsync(cancellationToken), Console.Out, cancellationToken);
        }
        else
        {
            var writer = new StreamWriter(target, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await using (writer.ConfigureAwait(false))
            {
                count = await FeedbackCsv.WriteAsync(store.ReadFeedbackAsync(cancellationToken), writer, cancellationToken);
            }
        }

        await Console.Error.WriteLineAsync($"{count} feedback records written to {(target == "-" ? "standard output" : target)}");
        return 0;
    }
}
