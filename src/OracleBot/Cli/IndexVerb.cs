using System.Globalization;
using OracleBot.Answers.Knowledge.Import;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Cli;

/// <summary>
/// <c>oraclebot index FILE… [--kind guideline|summary|research|reference] [--source S] [--license L] [--url U]
/// [--year N] [--title T]</c>: imports JSONL, Markdown and HTML files into the knowledge base's library
/// (<c>Answers:LibraryDirectory</c>), then builds the index so the bot starts ready. Flags fill metadata
/// the files do not carry. A bad file fails the whole import with its path and line; nothing is written.
/// </summary>
internal sealed class IndexVerb : ICliVerb
{
    public string Name => "index";

    public string Summary => "import JSONL/Markdown/HTML documents into the knowledge base: FILE... [--kind K] [--source S] [--license L] [--url U] [--year N]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        CliArguments args;
        ImportDefaults defaults;
        try
        {
            args = CliArguments.Parse(arguments);
            defaults = new ImportDefaults(
                args.One("kind"), args.One("source"), args.One("license"), args.One("url"),
                args.One("year") is { } y ? int.Parse(y, NumberStyles.None, CultureInfo.InvariantCulture) : null,
                args.One("title"));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (args.Positional.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: oraclebot index FILE... [--kind guideline|summary|research|reference] [--source S] [--license L] [--url U] [--year N] [--title T]");
            return 2;
        }

        var index = services.GetRequiredService<KnowledgeIndex>();
        var library = index.Location.LibraryDirectory ?? throw new InvalidOperationException("No library directory is configured.");
        KnowledgeImporter.ImportResult result;
        try
        {
            result = KnowledgeImporter.Import(args.Positional, library, defaults);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Nothing was imported. {ex.Message}");
            return 1;
        }

        await index.EnsureReadyAsync(cancellationToken);
        var report = index.Report!;
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"imported {result.Documents} documents from {result.Files} files into {library} ({result.Replaced} replaced); index {(report.Built ? "built" : "reused")}: {report.Documents} documents, {report.Passages} passages"));
        return 0;
    }
}
