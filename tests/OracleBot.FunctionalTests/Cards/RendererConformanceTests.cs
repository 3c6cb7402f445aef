using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OracleBot.Answers.Contract;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.FunctionalTests.Playground;

namespace OracleBot.FunctionalTests.Cards;

/// <summary>
/// Every card the bot can send, in the official adaptivecards 3.0.6 renderer with the light, dark and
/// high-contrast Teams host configs: no parse errors, no validation warnings, only actions every Teams
/// client supports, and screenshots for people to look at (artifacts/functional/cards/).
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class RendererConformanceTests(SentCards sent) : IClassFixture<SentCards>
{
    private static readonly string Screenshots = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "cards")).FullName;

    [Fact]
    public async Task Every_card_renders_without_errors_or_warnings_in_every_Teams_theme()
    {
        Assert.Equal(["dark", "high-contrast", "light"], CardRenderer.HostConfigs.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(sent.Cards, c => c.Label.StartsWith("sample-answer", StringComparison.Ordinal));
        Assert.True(sent.LiveAnswers.Count(a => !a.IsEmpty) >= 4, "the engine should answer most of the questions");

        await using var renderer = await CardRenderer.StartAsync();
        var failures = new List<string>();
        foreach (var (label, card) in sent.Cards)
        {
            failures.AddRange(TeamsCardRules.Check(card).Select(p => $"{label}: {p}"));
            foreach (var theme in CardRenderer.HostConfigs.Keys)
            {
                var rendered = await renderer.RenderAsync(card, theme);
                failures.AddRange(rendered.Problems.Select(p => $"{label} ({theme}): {p}"));
                failures.AddRange(rendered.ImageAltTexts.Where(string.IsNullOrWhiteSpace).Select(_ => $"{label} ({theme}): image without alt text"));
                failures.AddRange(rendered.Actions
                    .Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl" && !Regex.IsMatch(a["url"]!.GetValue<string>(), "^https?://"))
                    .Select(a => $"{label} ({theme}): renderer sees an OpenUrl to {a["url"]}"));
                if (rendered.Text.Contains("${", StringComparison.Ordinal))
                {
                    failures.Add($"{label} ({theme}): unbound template expression in the rendered text");
                }

                await renderer.ScreenshotAsync(Path.Combine(Screenshots, $"{label}-{theme}.png"));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Answer_card_citations_expand_open_their_source_and_follow_ups_submit_the_full_question()
    {
        var answer = sent.LiveAnswers.First(a => a.Citations.Count > 0 && a.FollowUps.Count > 0);
        var card = sent.Factory.Answer(answer, "physician");
        var citation = answer.Citations[0];

        await using var renderer = await CardRenderer.StartAsync();
        var page = renderer.Surface;
        foreach (var theme in CardRenderer.HostConfigs.Keys)
        {
            var rendered = await renderer.RenderAsync(card, theme);
            Assert.Empty(rendered.Problems);

            // The supporting passage is hidden until the reference is tapped.
            var excerptStart = citation.Excerpt[..Math.Min(40, citation.Excerpt.Length)];
            var passage = page.Locator($"#citation-{citation.Number}");
            await Assertions.Expect(passage).ToBeHiddenAsync();
            var reference = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Source \[1\]") });
            await reference.ClickAsync();
            await Assertions.Expect(passage).ToBeVisibleAsync();
            await Assertions.Expect(passage).ToContainTextAsync(excerptStart);
            // A long licence is shortened on the card; its opening words are always shown.
            await Assertions.Expect(passage).ToContainTextAsync(citation.License[..Math.Min(60, citation.License.Length)]);
            if (theme == "light")
            {
                await renderer.ScreenshotAsync(Path.Combine(Screenshots, "answer-citation-open-light.png"));
            }

            // The renderer gives Action.OpenUrl the link role.
            await passage.GetByRole(AriaRole.Link, new() { Name = "Open source" }).ClickAsync();

            // Each follow-up is one button whose accessible name and visible text are the whole question.
            foreach (var question in answer.FollowUps)
            {
                var followUp = page.GetByRole(AriaRole.Button, new() { Name = question, Exact = true });
                await Assertions.Expect(followUp).ToHaveTextAsync(question);
                var clipped = await followUp.EvaluateAsync<bool>("e => Array.from(e.querySelectorAll('.ac-textBlock')).some(t => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1)");
                Assert.False(clipped, $"follow-up '{question}' is clipped in {theme}");
                await followUp.ClickAsync();
            }

            var executed = await renderer.ExecutedActionsAsync();
            var open = Assert.Single(executed, a => a["type"]!.GetValue<string>() == "Action.OpenUrl");
            Assert.Equal(citation.Url, open["url"]!.GetValue<string>());
            var submitted = executed.Where(a => a["type"]!.GetValue<string>() == "Action.Submit").Select(a => a["data"]!).ToList();
            Assert.Equal(answer.FollowUps, submitted.Select(d => d["question"]!.GetValue<string>()));
            Assert.All(submitted, d => Assert.Equal("followUp", d["action"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_reference_entry_shows_the_section_and_strength_of_evidence_of_its_passage()
    {
        var cited = sent.LiveAnswers.SelectMany(a => a.Citations.Select(c => (Answer: a, Citation: c))).ToList();
        var listing = string.Join("\n", cited.Select(x => $"{x.Answer.Question} [{x.Citation.Number}] {x.Citation.Kind} {x.Citation.DocumentId} | {x.Citation.Section} | {x.Citation.Evidence}"));
        var summary = cited.FirstOrDefault(x => x.Citation.Kind == DocumentKind.Summary && x.Citation.Section is not null && x.Citation.Updated is not null);
        var guideline = cited.FirstOrDefault(x => x.Citation.Kind == DocumentKind.Guideline && x.Citation.Evidence is not null);
        Assert.True(summary.Answer is not null && guideline.Answer is not null, "live answers should cite a PDQ summary and a USPSTF recommendation:\n" + listing);

        await using var renderer = await CardRenderer.StartAsync();
        foreach (var (answer, citation) in new[] { summary, guideline })
        {
            var rendered = await renderer.RenderAsync(sent.Factory.Answer(answer, "physician"), "light");
            Assert.Empty(rendered.Problems);
            Assert.DoesNotContain("[Level of evidence", rendered.Text, StringComparison.OrdinalIgnoreCase);

            // Visible without expanding: the entry is the button that toggles the passage.
            var entry = renderer.Surface.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($@"^Source \[{citation.Number}\]") });
            foreach (var shown in new[] { citation.Section, citation.Evidence }.OfType<string>())
            {
                await Assertions.Expect(entry).ToContainTextAsync(shown);
            }

            if (citation.Updated is { } updated)
            {
                await Assertions.Expect(entry).ToContainTextAsync("Updated " + updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            await renderer.ScreenshotAsync(Path.Combine(Screenshots, $"answer-evidence-{citation.Kind.ToString().ToLowerInvariant()}-light.png"));
        }

        Assert.Contains("From Evidence Summaries", (await renderer.RenderAsync(sent.Factory.Answer(summary.Answer, "physician"), "light")).Text, StringComparison.Ordinal);
        Assert.StartsWith("USPSTF grade ", guideline.Citation.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_card_screenshots_for_the_readme()
    {
        var answer = sent.LiveAnswers.First(a => a.Question == "What causes pericarditis?");
        await using var renderer = await CardRenderer.StartAsync();
        foreach (var theme in new[] { "light", "dark" })
        {
            var rendered = await renderer.RenderAsync(sent.Factory.Answer(answer, "physician"), theme);
            Assert.Empty(rendered.Problems);
            await renderer.Surface.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Source \[1\]") }).ClickAsync();
            await renderer.ScreenshotAsync(Path.Combine(Screenshots, $"readme-answer-{theme}.png"));
        }
    }
}
