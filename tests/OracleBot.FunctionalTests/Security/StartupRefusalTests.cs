using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Security;

/// <summary>
/// The bot as a process refuses to start when its settings would leave it open or silently ignore a key,
/// and says what is wrong; and it starts when anonymous access is explicitly meant.
/// </summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task Without_an_app_id_outside_development_it_refuses_to_start_and_says_what_to_set()
    {
        var log = await RefusalAsync(new() { ["DOTNET_ENVIRONMENT"] = "Production" });

        Assert.Contains("Bot:AppId is not set", log, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowUnauthenticated=true", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_it_starts_in_production_only_when_anonymous_access_is_allowed()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Bot:AllowUnauthenticated"] = "true",
            ["Conversations:DataDirectory"] = Directory.CreateTempSubdirectory("oraclebot-anonymous").FullName,
        });

        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri(bot.BaseAddress, "/readyz"));
        Assert.True(ready.IsSuccessStatusCode);
        Assert.Contains("Bot:AppId is not configured", bot.ReadLog(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot:AllowedTenant", "Bot:AllowedTenant")]
    [InlineData("Bot:RateLimits:PerUsr", "'PerUsr'")]
    [InlineData("Turns:Concurency", "'Concurency'")]
    [InlineData("Answers:Remote:BaseAdress", "'BaseAdress'")]
    [InlineData("Privacy:StoreQuestion", "'StoreQuestion'")]
    public async Task A_misspelt_setting_stops_the_start_naming_the_key(string key, string named)
    {
        var log = await RefusalAsync(new() { [key] = "1" });

        Assert.Contains(named, log, StringComparison.Ordinal);
    }

    private static async Task<string> RefusalAsync(Dictionary<string, string> settings)
    {
        try
        {
            await using var bot = await BotProcess.StartAsync(settings);
        }
        catch (InvalidOperationException refused)
        {
            return refused.Message;
        }

        Assert.Fail("the bot started");
        return string.Empty;
    }
}
