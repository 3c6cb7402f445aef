using System.IO.Compression;
using System.Text.Json.Nodes;

namespace OracleBot.Tests.Infra;

/// <summary>
/// The Teams app package: the manifest against the official schema (from the npm package
/// @microsoft/app-manifest, via js/validate-manifest.js), the icons' bytes, and the packaging script's zip.
/// </summary>
public sealed class TeamsAppPackageTests
{
    private static readonly string TeamsDirectory = RepositoryRoot.Combine("infra", "teams");
    private static readonly string ManifestPath = Path.Combine(TeamsDirectory, "manifest.json");

    [Fact]
    public async Task Committed_manifest_is_valid_against_the_official_schema()
    {
        var result = await ValidateAsync(ManifestPath);
        Assert.Equal("v1.30", result["schema"]?.GetValue<string>());
        Assert.Empty(result["errors"]!.AsArray());
    }

    [Fact]
    public async Task Validator_rejects_a_broken_manifest()
    {
        // Proves the validator can fail: a scope Teams does not know and a bot id that is not a GUID.
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "everywhere");
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        var path = Path.Combine(Directory.CreateTempSubdirectory("manifest").FullName, "manifest.json");
        await File.WriteAllTextAsync(path, manifest.ToJsonString());

        var errors = (await ValidateAsync(path))["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(errors, e => e.StartsWith("/bots/0/scopes/1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/bots/0/botId", StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_declares_the_bot_the_product_needs()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath))!;
        var bot = manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], Strings(bot["scopes"]));
        Assert.False(bot["supportsFiles"]!.GetValue<bool>());
        var commands = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>());
        Assert.Equal(["help", "new topic", "audience", "about"], commands);
        Assert.NotEmpty(manifest["validDomains"]!.AsArray());

        foreach (var key in new[] { "short", "full" })
        {
            var text = manifest["description"]![key]!.GetValue<string>();
            Assert.Contains("decision support", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("not medical advice", manifest["description"]!["full"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Colour_icon_is_a_192_pixel_opaque_colour_png()
    {
        var icon = PngImage.Read(Path.Combine(TeamsDirectory, "color.png"));
        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.NotEmpty(icon.Rgba);
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
        Assert.Contains(icon.Pixels(), p => p.R != p.G || p.G != p.B);
    }

    [Fact]
    public void Outline_icon_is_a_32_pixel_white_on_transparent_png()
    {
        var icon = PngImage.Read(Path.Combine(TeamsDirectory, "outline.png"));
        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlphaChannel, $"colour type {icon.ColorType} has no alpha channel");
        Assert.NotEmpty(icon.Rgba);

        // Teams tints the outline: the background must be see-through and whatever is drawn must be white.
        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.Equal(0, icon.Pixel(31, 31).A);
        var drawn = icon.Pixels().Where(p => p.A > 0).ToList();
        Assert.InRange(drawn.Count, 32, (32 * 32) - 256);
        Assert.All(drawn, p => Assert.True(p is { R: 255, G: 255, B: 255 }, $"non-white outline pixel {p}"));
    }

    [Fact]
    public async Task Packaging_script_substitutes_the_app_id_and_host_and_the_result_is_valid()
    {
        var appId = Guid.NewGuid().ToString();
        var output = Directory.CreateTempSubdirectory("teams-package").FullName;
        var zip = Path.Combine(output, "app.zip");
        var run = await Tool.RunAsync("bash", [RepositoryRoot.Combine("scripts", "package-teams-app.sh"), appId, "oraclebot-test.azurewebsites.net", zip], RepositoryRoot.Path);
        Assert.True(run.ExitCode == 0, run.ToString());

        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        }

        ZipFile.ExtractToDirectory(zip, output);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "manifest.json")))!;
        Assert.Equal(appId, manifest["id"]!.GetValue<string>());
        Assert.Equal(appId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(["oraclebot-test.azurewebsites.net"], Strings(manifest["validDomains"]));
        Assert.Equal(File.ReadAllBytes(Path.Combine(TeamsDirectory, "color.png")), File.ReadAllBytes(Path.Combine(output, "color.png")));
        Assert.Empty((await ValidateAsync(Path.Combine(output, "manifest.json")))["errors"]!.AsArray());
    }

    [Fact]
    public async Task Packaging_script_refuses_an_app_id_that_is_not_a_guid()
    {
        var run = await Tool.RunAsync("bash", [RepositoryRoot.Combine("scripts", "package-teams-app.sh"), "my-bot", "example.org", Path.Combine(Path.GetTempPath(), "never.zip")], RepositoryRoot.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GUID", run.Error, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    private static async Task<JsonNode> ValidateAsync(string manifestPath)
    {
        var js = RepositoryRoot.Combine("tests", "OracleBot.FunctionalTests", "js");
        Assert.True(Directory.Exists(Path.Combine(js, "node_modules", "@microsoft", "app-manifest")),
            "run scripts/install-test-dependencies.sh first (npm ci in tests/OracleBot.FunctionalTests/js)");
        var run = await Tool.RunAsync("node", ["validate-manifest.js", manifestPath], js);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Output)!.AsArray().Single()!;
    }
}
