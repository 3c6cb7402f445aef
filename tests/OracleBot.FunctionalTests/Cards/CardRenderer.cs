using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Cards;

/// <summary>
/// The official adaptivecards 3.0.6 JavaScript renderer in headless Chromium, on a local page with one
/// card host (js/card-harness.js). No network: the page and scripts come from disk.
/// </summary>
internal sealed class CardRenderer : IAsyncDisposable
{
    private const string Page = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>card</title><style id="theme"></style></head>
        <body><div id="host"><div id="card"></div></div></body></html>
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private CardRenderer(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Surface = page;
    }

    public IPage Surface { get; }

    public static string HostConfigDirectory { get; } = Path.Combine(RepositoryPaths.Root, "cards", "hostconfig");

    /// <summary>Theme name (light, dark, high-contrast) → host config JSON.</summary>
    public static IReadOnlyDictionary<string, JsonObject> HostConfigs { get; } = Directory
        .GetFiles(HostConfigDirectory, "teams-*.json")
        .ToDictionary(
            f => Path.GetFileNameWithoutExtension(f)["teams-".Length..],
            f => JsonNode.Parse(File.ReadAllText(f))!.AsObject());

    public static async Task<CardRenderer> StartAsync()
    {
        var script = Path.Combine(RepositoryPaths.JavaScriptPeers, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing; run scripts/install-test-dependencies.sh.");
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 640, Height = 900 } });
        await page.SetContentAsync(Page);
        await page.AddScriptTagAsync(new() { Path = script });
        await page.AddScriptTagAsync(new() { Path = Path.Combine(RepositoryPaths.JavaScriptPeers, "card-harness.js") });
        return new CardRenderer(playwright, browser, page);
    }

    /// <summary>Parses, validates and renders <paramref name="card"/> with the host config of <paramref name="theme"/>.</summary>
    public async Task<RenderedCard> RenderAsync(JsonNode card, string theme)
    {
        var result = await Surface.EvaluateAsync<string>(
            "([card, config]) => JSON.stringify(renderCard(JSON.parse(card), JSON.parse(config)))",
            new[] { card.ToJsonString(), HostConfigs[theme].ToJsonString() });
        var json = JsonNode.Parse(result)!;
        return new RenderedCard(
            [.. json["problems"]!.AsArray().Select(p => p!.GetValue<string>())],
            [.. json["actions"]!.AsArray().Select(a => a!.AsObject())],
            [.. json["images"]!.AsArray().Select(a => a!.GetValue<string>())],
            json["text"]!.GetValue<string>());
    }

    public Task ScreenshotAsync(string path) =>
        Surface.Locator("#host").ScreenshotAsync(new() { Path = path });

    /// <summary>The actions the card executed since it was rendered (clicks on buttons and selectable elements).</summary>
    public async Task<IReadOnlyList<JsonObject>> ExecutedActionsAsync() =>
        [.. JsonNode.Parse(await Surface.EvaluateAsync<string>("() => JSON.stringify(window.executedActions)"))!.AsArray().Select(a => a!.AsObject())];

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>What the renderer reported for one card.</summary>
internal sealed record RenderedCard(IReadOnlyList<string> Problems, IReadOnlyList<JsonObject> Actions, IReadOnlyList<string> ImageAltTexts, string Text);
