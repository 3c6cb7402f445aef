using System.Net;
using OracleBot.FunctionalTests.Bot;

namespace OracleBot.FunctionalTests.Security;

/// <summary>Outside Development the bot replies only over https, or to the service URLs configured.</summary>
public sealed class ServiceUrlTests
{
    [Fact]
    public async Task Plain_http_service_url_is_403_in_production()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(null, allowLoopback: false));
        var activity = bot.Message("What causes pericarditis?");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not https", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // This bot can reply to no loopback URL, so no later reply can prove anything. Instead: an admitted activity
        // is held before its acknowledgement, so one the bot holds nothing of after the 403 can never be answered.
        Assert.Equal(0, bot.Host.ActivitiesHeld());
        Assert.Empty(bot.Channel.Requests);
        Assert.Equal(0, bot.Answers.Calls);
    }

    [Fact]
    public async Task Service_url_outside_the_configured_list_is_403()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(
            new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = "https://smba.trafficmanager.net/teams/" }, allowLoopback: false));
        var activity = bot.Message("What causes pericarditis?");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("AllowedServiceUrls", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, bot.Host.ActivitiesHeld());
        Assert.Empty(bot.Channel.Requests);
        Assert.Equal(0, bot.Answers.Calls);
    }

    [Fact]
    public async Task Listed_loopback_service_url_is_answered()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot());
        var activity = bot.Message("What causes pericarditis?");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.ReplyAsync(activity.Conversation!.Id!);
        Assert.Equal(1, bot.Answers.Calls);
    }
}
