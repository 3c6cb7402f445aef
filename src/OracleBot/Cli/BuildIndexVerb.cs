using OracleBot.Answers.Embeddings;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Cli;

/// <summary>
/// <c>oraclebot build-index</c>: opens the knowledge index exactly as the bot would (same settings, same
/// paths), building it if the seeds changed, then exits. The container image runs it at build time so a
/// new replica starts ready instead of indexing first. With vectors enabled it also waits for the passages'
/// vectors, so replicas start with hybrid retrieval instead of computing them.
/// </summary>
internal sealed class BuildIndexVerb : ICliVerb
{
    public string Name => "build-index";

    public string Summary => "build the knowledge index over the configured seeds (Answers:IndexDirectory) and exit";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (arguments.Count > 0)
        {
            await Console.Error.WriteLineAsync("usage: oraclebot build-index   (paths come from Answers:SeedsDirectory and Answers:IndexDirectory)");
            return 2;
        }

        var index = services.GetRequiredService<KnowledgeIndex>();
        await index.EnsureVectorsSettledAsync(cancellationToken);
        var report = index.Report;
        if (report is null || report.Documents == 0)
        {
            await Console.Error.WriteLineAsync("The knowledge base is empty: no seed documents were found.");
            return 1;
        }

        await Console.Out.WriteLineAsync(
            $"{(report.Built ? "built" : "reused")} index of {report.Documents} documents, {report.Passages} passages at {report.IndexPath}; vectors {index.Vectors.State.ToString().ToLowerInvariant()}");
        if (index.Vectors.State == VectorState.Failed)
        {
            await Console.Error.WriteLineAsync("The passage vectors could not be computed (see the log); set Answers:Vectors:Enabled=false to build without them.");
            return 1;
        }

        return 0;
    }
}
