namespace OracleBot.Benchmarks;

internal static class BenchPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Debug or Release, as this benchmark was built: the bot is run from the same configuration.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRepositoryRoot()
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
