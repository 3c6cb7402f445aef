using OracleBot.Protocol.Authentication;
using OracleBot.Protocol.Schema;

namespace OracleBot.Tests.Protocol;

public sealed class ChannelIdentityTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams", true)]
    [InlineData("https://SMBA.trafficmanager.net/Teams", "https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams//", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net.evil.example/teams/", false)]
    public void Serviceurl_comparison_ignores_case_and_one_trailing_slash(string claim, string activityUrl, bool expected)
    {
        var identity = ChannelIdentity.Authenticated(["msteams"], claim);

        Assert.Equal(expected, identity.Authorizes(Activity("msteams", activityUrl), out _));
    }

    [Fact]
    public void Channel_must_be_endorsed_exactly()
    {
        var identity = ChannelIdentity.Authenticated(["msteams"], "https://x.example/");

        Assert.False(identity.Authorizes(Activity("MSTeams", "https://x.example/"), out _));
        Assert.False(identity.Authorizes(Activity(null, "https://x.example/"), out _));
        Assert.True(identity.Authorizes(Activity("msteams", "https://x.example/"), out _));
    }

    [Fact]
    public void Failed_identity_never_authorizes_and_reports_its_reason()
    {
        Assert.False(ChannelIdentity.Failed("token expired").Authorizes(Activity("msteams", "https://x.example/"), out var reason));
        Assert.Equal("token expired", reason);
    }

    private static Activity Activity(string? channelId, string serviceUrl) => new() { ChannelId = channelId, ServiceUrl = serviceUrl };
}
