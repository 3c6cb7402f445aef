using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.FunctionalTests.Playground;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>
/// Threads, mentions and streaming progress in the local Teams (Agents Playground + Chromium) against the real
/// bot process, with answers slowed to a remote answer service's pace so the progress can be seen.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundThreadTests : IDisposable
{
    private static readonly string Screenshots = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "playground-threads")).FullName;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("oraclebot-playground-").FullName;

    [Fact]
    public async Task Personal_chat_shows_progress_before_the_card_and_answers_a_follow_up_in_context()
    {
        await using var bot = await StartBotAsync();
        await using var playground = await PlaygroundProcess.StartAsync(bot.MessagesEndpoint);
        await InBrowserAsync(playground, "personal", async (page, cards) =>
        {
            var before = await cards.CountAsync();
            await SendAsync(page, "What are the symptoms of hemochromatosis?");

            // The informative stream update shows while the answer is still on its way.
            await Assertions.Expect(page.GetByText("Searching guidelines and research").Last).ToBeVisibleAsync(new() { Timeout = 10_000 });
            Assert.Equal(before, await cards.CountAsync());

            var answer = cards.Nth(before);
            await Assertions.Expect(answer).ToContainTextAsync("What are the symptoms of hemochromatosis?", new() { Timeout = 30_000 });
            await Assertions.Expect(answer).ToContainTextAsync(new Regex(@"\[1\]"));

            // A short follow-up names no disease: only the thread's context makes it about hemochromatosis.
            await SendAsync(page, "How is it treated?");
            var followUp = cards.Nth(before + 1);
            await Assertions.Expect(followUp).ToContainTextAsync("How is it treated?", new() { Timeout = 30_000 });
            await Assertions.Expect(followUp).ToContainTextAsync(new Regex("hemochromatosis|iron", RegexOptions.IgnoreCase));
        });
    }

    [Fact]
    public async Task Channel_post_is_answered_only_when_the_bot_is_mentioned()
    {
        await using var bot = await StartBotAsync();
        await using var playground = await PlaygroundProcess.StartAsync(bot.MessagesEndpoint);
        await InBrowserAsync(playground, "channel", async (page, cards) =>
        {
            await page.GetByRole(AriaRole.Treeitem, new() { Name = "Oncology - Tumour board" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Start a new post")).ToBeVisibleAsync();

            // Opening the channel adds the bot there, which welcomes the channel first.
            await Assertions.Expect(page.GetByText("Welcome to OracleBot")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            var before = await cards.CountAsync();
            var compose = page.Locator("[contenteditable=\"true\"]").First;

            await compose.ClickAsync();
            await compose.FillAsync("What causes gout?");
            await compose.PressAsync("Enter");
            await Task.Delay(4_000);
            Assert.Equal(before, await cards.CountAsync());

            await compose.ClickAsync();
            await compose.PressSequentiallyAsync("@Ora");
            await page.GetByRole(AriaRole.Menuitem, new() { NameRegex = new Regex("OracleBot") }).ClickAsync();
            await compose.PressSequentiallyAsync(" What causes pericarditis?");
            await compose.PressAsync("Enter");

            var answer = cards.Nth(before);
            await Assertions.Expect(answer).ToContainTextAsync("What causes pericarditis?", new() { Timeout = 30_000 });
            await Assertions.Expect(answer).Not.ToContainTextAsync("OracleBot What causes");
            Assert.Equal(before + 1, await cards.CountAsync());
        });
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task<BotProcess> StartBotAsync() => BotProcess.StartAsync(new Dictionary<string, string>
    {
        ["Conversations:DataDirectory"] = _dataDirectory,
        ["Turns:SimulatedAnswerDelay"] = "00:00:03",
    });

    private static async Task SendAsync(IPage page, string text)
    {
        var compose = page.Locator("[contenteditable=\"true\"]").First;
        await compose.ClickAsync();
        await compose.FillAsync(text);
        await compose.PressAsync("Enter");
    }

    private static async Task InBrowserAsync(PlaygroundProcess playground, string name, Func<IPage, ILocator, Task> steps)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1600 } });
        try
        {
            await page.GotoAsync(playground.Address.ToString());
            var cards = page.Locator(".ac-adaptiveCard");
            await Assertions.Expect(cards.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await steps(page, cards);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + "-failure.png"), FullPage = true });
            throw;
        }
    }
}
