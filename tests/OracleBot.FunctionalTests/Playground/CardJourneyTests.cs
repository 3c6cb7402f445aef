using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Playground;

/// <summary>
/// A clinician works through an answer card in the local Teams (real bot process, Agents Playground,
/// Chromium), in a personal chat and in a channel thread: ask, open a citation, open its source,
/// dislike the answer with a comment through Teams' own feedback dialog, get thanked, tap a follow-up.
/// The machine is offline, so the source page is intercepted and only its address is checked.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class CardJourneyTests
{
    private const string Question = "What causes pericarditis?";


    private static readonly string Screenshots = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "playground-cards")).FullName;

    [Theory]
    [InlineData("personal")]
    [InlineData("channel")]
    public async Task Clinician_opens_a_citation_and_its_source_gives_feedback_and_taps_a_follow_up(string place)
    {
        await using var bot = await BotProcess.StartAsync();
        await using var playground = await PlaygroundProcess.StartAsync(bot.MessagesEndpoint);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 1600 } });
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.IsLoopback || url.Host == "localhost")
            {
                await route.ContinueAsync();
                return;
            }

            lock (outside)
            {
                outside.Add(route.Request.Url);
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<title>offline stand-in</title>" });
        });
        var page = await context.NewPageAsync();
        var step = 0;
        Task Shot(string name) => page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{place}-{++step}-{name}.png"), FullPage = true });
        try
        {
            await page.GotoAsync(playground.Address.ToString());
            var cards = page.Locator(".ac-adaptiveCard");
            await Assertions.Expect(cards.First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await AskAsync(page, place, Question);
            var answer = cards.Filter(new() { HasText = "You asked: " + Question }).First;
            await Assertions.Expect(answer).ToContainTextAsync(new Regex(@"\[1\]"), new() { Timeout = 60_000 });
            await Shot("answer");

            // Tapping a reference expands its supporting passage, source, licence and link.
            var reference = answer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Source \[1\]") });
            await reference.ClickAsync();
            await Assertions.Expect(answer.GetByText("Supporting passage").First).ToBeVisibleAsync();
            await Assertions.Expect(answer).ToContainTextAsync("Licence");
            await Shot("citation");

            var popupOpened = context.WaitForPageAsync();
            await answer.GetByRole(AriaRole.Link, new() { Name = "Open source" }).First.ClickAsync();
            var popup = await popupOpened;
            await popup.WaitForLoadStateAsync();
            // The link opens the cited document's own address from the knowledge base, nothing else.
            Assert.True(IsSeedUrl(popup.Url), $"{popup.Url} is not the address of a document in seeds/");
            Assert.Contains(popup.Url, outside);
            await popup.CloseAsync();

            // Teams' own thumbs-down under the message opens its feedback dialog.
            await page.GetByRole(AriaRole.Button, new() { Name = "Dislike", Exact = true }).First.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Textbox).First.FillAsync("The bottom line should mention viral causes first.");
            await Shot("feedback-dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync("Thank you", new() { Timeout = 15_000 });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

            // Teams expects an empty 200 to the feedback invoke (no card comes back on that path); the bot stores the rating.
            await Assertions.Expect(page.GetByText(new Regex(@"-> User Application invoke 200"))).ToBeVisibleAsync();
            // In a channel the Playground's invoke names neither the thread nor the rated message, so the bot
            // cannot attach the rating there; real Teams sends replyToId. Personal chat must store it.
            if (place == "personal")
            {
                await WaitForAsync(() => bot.ReadLog().Contains("Feedback recorded: dislike", StringComparison.Ordinal), "the bot to record the rating");
            }

            await Shot("feedback-sent");

            // The card's own "Not helpful" button (for clients without the native buttons) is thanked with a card.
            await answer.GetByRole(AriaRole.Button, new() { Name = "Not helpful", Exact = true }).ClickAsync();
            await Assertions.Expect(cards.Filter(new() { HasText = "Thanks for your feedback" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Shot("feedback-thanks");

            // A follow-up is one tap; its full question is the button's name and its text.
            var followUp = answer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"\?\s*$") }).First;
            var followUpQuestion = (await followUp.GetAttributeAsync("aria-label"))!;
            await Assertions.Expect(followUp).ToHaveTextAsync(followUpQuestion);
            await followUp.ClickAsync();
            var followUpAnswer = cards.Filter(new() { HasText = "You asked: " + followUpQuestion }).First;
            await Assertions.Expect(followUpAnswer).ToContainTextAsync(new Regex(@"\[1\]"), new() { Timeout = 60_000 });
            await Shot("follow-up");
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{place}-failure.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(Screenshots, $"{place}-failure-bot.log"), bot.ReadLog());
            throw;
        }
    }

    private static bool IsSeedUrl(string url)
    {
        var quoted = $"\"{url}\"";
        return Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "seeds"), "*.jsonl", SearchOption.AllDirectories)
            .Any(file => File.ReadAllText(file).Contains(quoted, StringComparison.Ordinal));
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(200);
        }

        Assert.True(condition(), $"timed out waiting for {what}");
    }

    /// <summary>Personal chat: type and send. Channel: open the channel, start a post that @mentions the bot.</summary>
    private static async Task AskAsync(IPage page, string place, string question)
    {
        var compose = page.Locator("[contenteditable=\"true\"]").First;
        if (place == "channel")
        {
            await page.GetByRole(AriaRole.Treeitem, new() { Name = "Oncology - Tumour board" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Start a new post")).ToBeVisibleAsync();
            await compose.ClickAsync();
            await compose.PressSequentiallyAsync("@Ora");
            await page.GetByRole(AriaRole.Menuitem, new() { NameRegex = new Regex("OracleBot") }).ClickAsync();
            await compose.PressSequentiallyAsync(" " + question);
        }
        else
        {
            await compose.ClickAsync();
            await compose.FillAsync(question);
        }

        await compose.PressAsync("Enter");
    }
}
