using System.Globalization;
using System.Text.Json.Nodes;

namespace OracleBot.Tests.Cards;

/// <summary>
/// The Teams host configs in <c>cards/hostconfig/</c>: every text colour our cards use must keep WCAG
/// AA contrast (4.5:1) on the container styles they use, in light, dark and high contrast.
/// </summary>
public sealed class HostConfigContrastTests
{
    private static readonly string[] Colors = ["default", "accent", "good", "warning", "attention"];
    private static readonly string[] Styles = ["default", "emphasis"];

    public static TheoryData<string> Themes => ["light", "dark", "high-contrast"];

    [Theory]
    [MemberData(nameof(Themes))]
    public void Text_colours_keep_AA_contrast_on_the_backgrounds_our_cards_use(string theme)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(CardTestData.TemplatesDirectory, "hostconfig", $"teams-{theme}.json")))!;
        var failures = new List<string>();
        foreach (var style in Styles)
        {
            var styleConfig = config["containerStyles"]![style]!;
            var background = styleConfig["backgroundColor"]!.GetValue<string>();
            foreach (var color in Colors)
            {
                foreach (var shade in new[] { "default", "subtle" })
                {
                    var foreground = styleConfig["foregroundColors"]![color]![shade]!.GetValue<string>();
                    var ratio = Contrast(foreground, background);
                    if (ratio < 4.5)
                    {
                        failures.Add($"{style}/{color}/{shade}: {foreground} on {background} = {ratio:F2}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void Host_config_uses_Teams_fonts_and_allows_interaction(string theme)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(CardTestData.TemplatesDirectory, "hostconfig", $"teams-{theme}.json")))!;

        Assert.StartsWith("'Segoe UI'", config["fontFamily"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(config["supportsInteractivity"]!.GetValue<bool>());
        Assert.Equal(600, config["fontTypes"]!["default"]!["fontWeights"]!["bolder"]!.GetValue<int>());
    }

    [Fact]
    public void Contrast_formula_matches_known_values()
    {
        Assert.Equal(21.0, Contrast("#000000", "#FFFFFF"), 2);
        Assert.Equal(1.0, Contrast("#777777", "#777777"), 2);
        Assert.Equal(4.48, Contrast("#777777", "#FFFFFF"), 2);
    }

    /// <summary>WCAG 2 contrast ratio of two #RRGGBB colours.</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}
