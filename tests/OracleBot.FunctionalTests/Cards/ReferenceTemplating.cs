using System.Diagnostics;
using System.Text.Json.Nodes;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Cards;

/// <summary>
/// Runs the official JavaScript adaptivecards-templating and adaptivecards packages (js/bind-card.js)
/// on a batch of template+data pairs, in one node process.
/// </summary>
internal static class ReferenceTemplating
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public sealed record Job(JsonNode Template, JsonNode? Data, bool Validate);

    /// <summary>Per job: the expanded card and the renderer's parse/validation problems, or the library's error.</summary>
    public sealed record Result(JsonNode? Card, IReadOnlyList<string> Problems, string? Error);

    public static async Task<IReadOnlyList<Result>> BindAsync(IReadOnlyList<Job> jobs)
    {
        await EnsureInstalledAsync();
        var input = new JsonArray([.. jobs.Select(j => (JsonNode)new JsonObject
        {
            ["template"] = j.Template.DeepClone(),
            ["data"] = j.Data?.DeepClone(),
            ["validate"] = j.Validate,
        })]);
        var (exitCode, output, error) = await RunAsync("node", ["bind-card.js"], input.ToJsonString());
        Assert.True(exitCode == 0, $"node bind-card.js failed ({exitCode}): {error}");
        return [.. JsonNode.Parse(output)!.AsArray().Select(r => new Result(
            r!["card"]?.DeepClone(),
            r["problems"] is JsonArray problems ? [.. problems.Select(p => p!.GetValue<string>())] : [],
            r["error"]?.GetValue<string>()))];
    }

    /// <summary>CI runs <c>npm ci</c> in js/; a developer's first run does it here.</summary>
    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(RepositoryPaths.JavaScriptPeers, "node_modules", "adaptivecards-templating")))
            {
                return;
            }

            var (exitCode, _, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], null);
            Assert.True(exitCode == 0, $"npm ci in {RepositoryPaths.JavaScriptPeers} failed: {error}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, string[] arguments, string? stdin)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryPaths.JavaScriptPeers,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
