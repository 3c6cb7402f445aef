using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OracleBot.Protocol.Authentication;
using OracleBot.Protocol.Schema;
using OracleBot.Security;

namespace OracleBot.Tests.Security;

public sealed class InboundPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "Production", "app", true)]
    [InlineData("http://smba.trafficmanager.net/teams/", "Production", "app", false)]
    [InlineData("http://127.0.0.1:5000/teams/", "Development", "app", true)]
    [InlineData("http://127.0.0.1:5000/teams/", "Production", "", true)]
    [InlineData("ftp://smba.trafficmanager.net/teams/", "Development", "app", false)]
    [InlineData("https://user:pass@smba.trafficmanager.net/", "Production", "app", false)]
    [InlineData("/relative/only", "Production", "app", false)]
    public void Service_urls_must_be_https_outside_development(string url, string environment, string appId, bool allowed)
    {
        var policy = Policy(environment, appId, []);

        Assert.Equal(allowed, policy.Allows(url, out var reason));
        Assert.Equal(allowed, reason.Length == 0);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.test/teams/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/teams/", false)]
    [InlineData("http://127.0.0.1:5000/teams/", true)]
    [InlineData("http://127.0.0.1:5001/teams/", false)]
    public void Configured_service_urls_are_the_only_ones_allowed(string url, bool allowed)
    {
        var policy = Policy("Production", "app", ["https://smba.trafficmanager.net/teams/", "http://127.0.0.1:5000/"]);

        Assert.Equal(allowed, policy.Allows(url, out _));
    }

    [Fact]
    public void Tenants_are_read_from_the_conversation_or_channel_data()
    {
        var options = new InboundSecurityOptions();
        options.AllowedTenants.Add("tenant-a");
        var gate = new TenantGate(Options.Create(options));

        Assert.True(gate.Allows(Activity(conversationTenant: "TENANT-A")));
        Assert.True(gate.Allows(Activity(channelDataTenant: "tenant-a")));
        Assert.False(gate.Allows(Activity(conversationTenant: "tenant-b")));
        Assert.False(gate.Allows(Activity()));
        Assert.False(gate.Allows(new Activity { Type = "message", ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = 42 } } }));
        Assert.True(new TenantGate(Options.Create(new InboundSecurityOptions())).Allows(Activity()));
    }

    [Fact]
    public void Each_user_and_each_tenant_has_its_own_budget_and_one_notice_per_window()
    {
        using var limiter = new InboundRateLimiter(Options.Create(new RateLimitOptions { PerUser = 3, PerTenant = 5, Window = TimeSpan.FromMinutes(1) }));
        var alice = Activity(conversationTenant: "t1", user: "alice");
        var bob = Activity(conversationTenant: "t1", user: "bob");
        var carol = Activity(conversationTenant: "t2", user: "carol");

        var aliceDecisions = Enumerable.Range(0, 5).Select(_ => limiter.Acquire(alice)).ToList();
        Assert.Equal([RateDecision.Allowed, RateDecision.Allowed, RateDecision.Allowed, RateDecision.ThrottledNotify, RateDecision.Throttled], aliceDecisions);

        // Bob has his own budget but shares the tenant's, of which Alice used three.
        Assert.Equal(RateDecision.Allowed, limiter.Acquire(bob));
        Assert.Equal(RateDecision.Allowed, limiter.Acquire(bob));
        Assert.Equal(RateDecision.ThrottledNotify, limiter.Acquire(bob));

        // Another tenant is untouched.
        Assert.Equal(RateDecision.Allowed, limiter.Acquire(carol));
    }

    [Fact]
    public void Disabled_limits_allow_everything()
    {
        using var limiter = new InboundRateLimiter(Options.Create(new RateLimitOptions { Enabled = false, PerUser = 1 }));
        var alice = Activity(conversationTenant: "t1", user: "alice");

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(RateDecision.Allowed, limiter.Acquire(alice)));
    }

    [Fact]
    public void Options_reject_a_service_url_that_is_not_absolute()
    {
        var options = new InboundSecurityOptions();
        options.AllowedServiceUrls.Add("smba.trafficmanager.net");

        Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    private static ServiceUrlPolicy Policy(string environment, string appId, string[] allowed)
    {
        var options = new InboundSecurityOptions();
        foreach (var url in allowed)
        {
            options.AllowedServiceUrls.Add(url);
        }

        return new ServiceUrlPolicy(Options.Create(options), Options.Create(new BotAuthenticationOptions { AppId = appId }), new Environment(environment));
    }

    private static Activity Activity(string? conversationTenant = null, string? channelDataTenant = null, string user = "29:user") => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = user },
        Conversation = new ConversationAccount { Id = "a:1", TenantId = conversationTenant },
        ChannelData = channelDataTenant is null ? null : new JsonObject { ["tenant"] = new JsonObject { ["id"] = channelDataTenant } },
    };

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "OracleBot";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
