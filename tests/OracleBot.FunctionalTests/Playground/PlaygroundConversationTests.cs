using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Playground;

/// <summary>
/// A clinician's first conversation, end to end in the local Teams: the real bot process, the Microsoft
/// 365 Agents Playground and Chromium. Ask, see the cited answer, tap a follow-up, see its answer.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundConversationTests
{
    private const string Question = "What are the symptoms of adult acute lymphoblastic leukemia?";

    [Fact]
    public async Task Question_gets_a_cited_answer_card_and_a_follow_up_gets_its_own_answer()
    {
        await using var bot = await BotProcess.StartAsync();
        await using var playground = await PlaygroundProcess.StartAsync(bot.MessagesEndpoint);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        try
        {
            await page.GotoAsync(playground.Address.ToString());

            // Opening the chat installs the bot, which welcomes the user with a card.
            var cards = page.Locator(".ac-adaptiveCard");
            await Assertions.Expect(cards.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var cardsBefore = await cards.CountAsync();

            var compose = page.Locator("[contenteditable=\"true\"]").First;
            await compose.ClickAsync();
            await compose.FillAsync(Question);
            await compose.PressAsync("Enter");

            var answer = cards.Nth(cardsBefore);
            await Assertions.Expect(answer).ToContainTextAsync(Question, new() { Timeout = 30_000 });
            await Assertions.Expect(answer).ToContainTextAsync(new Regex(@"\[1\]"));
            await Assertions.Expect(answer).ToContainTextAsync("leukemia", new() { IgnoreCase = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "playground-answer.png"), FullPage = true });

            // Follow-up suggestions are the card's buttons that ask a question.
            var followUp = answer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"\?\s*$") }).First;
            var followUpQuestion = (await followUp.TextContentAsync())!.Trim();
            Assert.NotEqual(Question, followUpQuestion);
            await followUp.ClickAsync();

            // The follow-up's answer card restates the question it answers.
            var followUpAnswer = cards.Nth(cardsBefore + 1);
            await Assertions.Expect(followUpAnswer).ToContainTextAsync(followUpQuestion, new() { Timeout = 30_000 });
            await Assertions.Expect(followUpAnswer).ToContainTextAsync(new Regex(@"\[1\]"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "playground-follow-up.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "playground-failure.png"), FullPage = true });
            throw;
        }
    }
}

/// <summary>Browser tests share the two cores poorly; run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlaygroundCollection
{
    public const string Name = "Playground";
}
