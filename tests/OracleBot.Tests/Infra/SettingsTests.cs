using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using OracleBot.Hosting;

namespace OracleBot.Tests.Infra;

/// <summary>The keys the bot accepts under <c>Bot</c>, and the run command's environment.</summary>
public sealed partial class SettingsTests
{
    [Fact]
    public async Task A_misspelt_key_under_bot_stops_the_start_naming_it()
    {
        var check = new BotSectionKeys(Configuration(new() { ["Bot:AllowedTenant:0"] = "t1", ["Bot:AppId"] = "app" }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => check.StartAsync(CancellationToken.None));

        Assert.Contains("Bot:AllowedTenant", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot:AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Computed_properties_are_not_settings()
    {
        Assert.Empty(BotSectionKeys.Unknown(Configuration(new() { ["Bot:AllowedTenants:0"] = "t1" })));
        Assert.Equal(["Bot:IsAnonymous"], BotSectionKeys.Unknown(Configuration(new() { ["Bot:IsAnonymous"] = "true" })));
    }

    [Fact]
    public void Every_bot_key_in_the_readme_is_accepted()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var keys = DocumentedKey().Matches(readme).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("Bot:AllowUnauthenticated", keys);
        Assert.True(keys.Count > 20, $"only {keys.Count} keys found in the README");

        var settings = keys.ToDictionary(k => k, _ => (string?)"1");
        Assert.Empty(BotSectionKeys.Unknown(Configuration(settings)));
    }

    [Fact]
    public void The_run_command_starts_the_bot_in_development()
    {
        var launch = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("src", "OracleBot", "Properties", "launchSettings.json")))!;
        var profile = launch["profiles"]!.AsObject().Single().Value!;

        Assert.Equal("Project", profile["commandName"]!.GetValue<string>());
        Assert.Equal("Development", profile["environmentVariables"]!["DOTNET_ENVIRONMENT"]!.GetValue<string>());
        Assert.Equal("Development", profile["environmentVariables"]!["ASPNETCORE_ENVIRONMENT"]!.GetValue<string>());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    // Rows of the configuration reference: | `Bot:Key` | or | `Bot:Sub:Key` |.
    [GeneratedRegex(@"^\| `(Bot:[A-Za-z:]+)` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedKey();
}
