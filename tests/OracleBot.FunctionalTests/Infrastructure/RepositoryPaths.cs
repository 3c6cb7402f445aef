namespace OracleBot.FunctionalTests.Infrastructure;

/// <summary>Where things are on disk, found from the test assembly's own location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration these tests were built in, used to find the bot's build output.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string BotAssembly { get; } =
        Path.Combine(Root, "src", "OracleBot", "bin", Configuration, "net10.0", "OracleBot.dll");

    public static string JavaScriptPeers { get; } = Path.Combine(Root, "tests", "OracleBot.FunctionalTests", "js");

    /// <summary>Screenshots, logs and other evidence a run leaves behind.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "functional")).FullName;

    /// <summary>One Lucene index for all bot processes of a run: built once, reused by the rest.</summary>
    public static string SharedIndexDirectory { get; } = Path.Combine(Root, "artifacts", "index");

    /// <summary>
    /// The index of the MedQuAD-only seeds (PubMed tests). An index folder holds one set of seeds: opening
    /// other seeds there removes the first set's index, under the bots that are reading it.
    /// </summary>
    public static string MedQuadIndexDirectory { get; } = Path.Combine(Root, "artifacts", "index-medquad");

    /// <summary>
    /// Bots over the shared index run with BM25 alone (<c>Answers:Vectors:Enabled</c>): embedding every seed
    /// passage takes many CPU-minutes. Vectors are tested on a small corpus of their own (<c>Answers/HybridReadinessTests</c> here, <c>OracleBot.Tests/Answers/Embeddings</c>).
    /// </summary>
    public const string VectorsEnabledSetting = "Answers:Vectors:Enabled";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OracleBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find OracleBot.sln above " + AppContext.BaseDirectory);
    }
}
