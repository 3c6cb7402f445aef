using System.Diagnostics;

namespace OracleBot.FunctionalTests.Infrastructure;

/// <summary>One run of an <c>oraclebot</c> command-line verb as a real process, configured through the environment.</summary>
internal static class BotCommand
{
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(RepositoryPaths.BotAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Answers__IndexDirectory"] = RepositoryPaths.SharedIndexDirectory;
        info.Environment["Answers__Vectors__Enabled"] = "false";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }
}
