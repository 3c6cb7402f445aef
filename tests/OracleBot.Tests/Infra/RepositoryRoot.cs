namespace OracleBot.Tests.Infra;

/// <summary>The repository checkout these tests were built from, found by walking up to OracleBot.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OracleBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find OracleBot.sln above " + AppContext.BaseDirectory);
    }
}
