using System.Reflection;
using System.Text.Json.Nodes;

namespace OracleBot.Tests.Infra;

/// <summary>
/// Every Bicep file under infra/azure compiles with the real Bicep CLI (NuGet package
/// Azure.Bicep.CommandLine.linux-x64) with no errors and no warnings, linter included.
/// </summary>
public sealed class BicepTests
{
    private static readonly string AzureDirectory = RepositoryRoot.Combine("infra", "azure");

    public static TheoryData<string> BicepFiles() =>
        [.. Directory.EnumerateFiles(AzureDirectory, "*.bicep*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(AzureDirectory, f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Compiles_with_no_errors_and_no_warnings(string file)
    {
        var verb = file.EndsWith(".bicepparam", StringComparison.Ordinal) ? "build-params" : "build";
        var run = await Tool.RunAsync(BicepExecutable(), [verb, file, "--stdout"], AzureDirectory);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(" : Warning ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" : Error ", run.Error, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(run.Output));
    }

    [Fact]
    public async Task Compiler_reports_a_warning_it_is_shown()
    {
        // Proves the check above can fail: an unused parameter is a linter warning.
        var dir = Directory.CreateTempSubdirectory("bicep").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "bad.bicep"), "param unused string\n");
        var run = await Tool.RunAsync(BicepExecutable(), ["build", "bad.bicep", "--stdout"], dir);
        Assert.Contains(" : Warning no-unused-params", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_has_what_the_deployment_needs()
    {
        var run = await Tool.RunAsync(BicepExecutable(), ["build", "main.bicep", "--stdout"], AzureDirectory);
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Output;

        // Resource types the issue asks for, wherever the modules put them.
        foreach (var type in new[]
                 {
                     "Microsoft.BotService/botServices", "Microsoft.BotService/botServices/channels", "MsTeamsChannel",
                     "Microsoft.App/containerApps", "Microsoft.Cache/redis", "Microsoft.CognitiveServices/accounts/deployments",
                     "Microsoft.KeyVault/vaults", "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Insights/components",
                     "openTelemetryConfiguration", "/healthz", "/readyz",
                 })
        {
            Assert.Contains(type, json, StringComparison.Ordinal);
        }

        var parameters = JsonNode.Parse(json)!["parameters"]!.AsObject();
        Assert.True(parameters["minReplicas"]!["minValue"]!.GetValue<int>() >= 2);
        Assert.Equal(["UserAssignedMSI", "SingleTenant", "MultiTenant"], parameters["botAppType"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("securestring", parameters["botClientSecret"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_app_registration_is_never_deployed_without_an_app_id()
    {
        var run = await Tool.RunAsync(BicepExecutable(), ["build", "main.bicep", "--stdout"], AzureDirectory);
        Assert.True(run.ExitCode == 0, run.ToString());
        var template = JsonNode.Parse(run.Output)!;

        // The deployment fails (ARM evaluates only the branch taken) when the app registration's id is empty...
        var guard = template["variables"]!["appRegistrationId"]!.GetValue<string>();
        Assert.Contains("empty(trim(parameters('botAppId')))", guard, StringComparison.Ordinal);
        Assert.Contains("fail('botAppId is required", guard, StringComparison.Ordinal);

        // ...and nothing reads the parameter except through that guard.
        template["variables"]!.AsObject().Remove("appRegistrationId");
        Assert.DoesNotContain("parameters('botAppId')", template.ToJsonString(), StringComparison.Ordinal);
    }

    private static string BicepExecutable()
    {
        var package = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPackageDirectory").Value;
        Assert.False(string.IsNullOrEmpty(package), "the Bicep CLI package was not restored");
        var bicep = Path.Combine(package!, "tools", "bicep");
        Assert.True(File.Exists(bicep), $"no Bicep CLI at {bicep}");
        if (!OperatingSystem.IsWindows())
        {
            // NuGet does not keep the executable bit.
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return bicep;
    }
}
