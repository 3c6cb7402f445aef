using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Protocol;
using OracleBot.Protocol.Authentication;
using OracleBot.Tests.Protocol;

namespace OracleBot.Tests.Security;

/// <summary>Token cases beyond the protocol suite: skew at the edge, another bot's token, a metadata outage.</summary>
public sealed class TokenEdgeCaseTests : IDisposable
{
    private const string AppId = ValidatorHarness.AppId;
    private const string ServiceUrl = ValidatorHarness.ServiceUrl;

    private readonly ValidatorHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(290, true)]
    [InlineData(310, false)]
    public async Task Not_before_is_allowed_five_minutes_of_skew_and_no_more(int secondsAhead, bool accepted)
    {
        var token = TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl, d =>
        {
            d.IssuedAt = d.NotBefore = _harness.Clock.GetUtcNow().UtcDateTime.AddSeconds(secondsAhead);
            d.Expires = d.NotBefore.Value.AddHours(1);
        });

        var identity = await _harness.ValidateAsync(token);

        Assert.Equal(accepted, identity.IsAuthenticated);
    }

    [Theory]
    [InlineData(290, true)]
    [InlineData(310, false)]
    public async Task Expiry_is_allowed_five_minutes_of_skew_and_no_more(int secondsAgo, bool accepted)
    {
        var token = TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl, d =>
        {
            d.Expires = _harness.Clock.GetUtcNow().UtcDateTime.AddSeconds(-secondsAgo);
            d.IssuedAt = d.NotBefore = d.Expires.Value.AddHours(-1);
        });

        var identity = await _harness.ValidateAsync(token);

        Assert.Equal(accepted, identity.IsAuthenticated);
    }

    [Fact]
    public async Task Token_for_another_bot_signed_by_the_real_channel_is_rejected()
    {
        var token = TestChannelAuthority.CreateToken(_harness.Key, "0f0e0d0c-0b0a-4908-8706-050403020100", ServiceUrl);

        var identity = await _harness.ValidateAsync(token);

        Assert.False(identity.IsAuthenticated);
        Assert.Equal("audience is not this bot", identity.FailureReason);
    }

    [Fact]
    public async Task Metadata_outage_fails_closed_without_keys_and_keeps_cached_keys()
    {
        var outage = new SwitchableHandler(new TestChannelAuthority());
        var key = ((TestChannelAuthority)outage.InnerHandler!).Publish("key-1", "msteams");
        var clock = new ManualTimeProvider();
        using var services = Services(outage, clock);
        var validator = services.GetRequiredService<IChannelTokenValidator>();
        Task<ChannelIdentity> Validate(string jti) => validator.ValidateAsync(
            "Bearer " + TestChannelAuthority.CreateToken(key, AppId, ServiceUrl, d => d.Claims["jti"] = jti), CancellationToken.None);

        outage.Down = true;
        var whileDown = await Validate("first");
        Assert.False(whileDown.IsAuthenticated);
        Assert.Equal("signing key not found", whileDown.FailureReason);

        outage.Down = false;
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True((await Validate("second")).IsAuthenticated);

        // Down again, past the cooldown and past the refresh interval: the keys already fetched keep working...
        outage.Down = true;
        clock.Advance(TimeSpan.FromHours(25));
        Assert.True((await Validate("third")).IsAuthenticated);
        var failedFetches = outage.Refused;
        Assert.True(failedFetches >= 2, $"expected the refresh to be tried, saw {failedFetches} refused fetches");

        // ...and a key the bot never saw cannot be fetched, so it fails closed.
        var unseen = ((TestChannelAuthority)outage.InnerHandler!).Publish("key-2", "msteams");
        clock.Advance(TimeSpan.FromSeconds(31));
        var unknown = await validator.ValidateAsync(
            "Bearer " + TestChannelAuthority.CreateToken(unseen, AppId, ServiceUrl), CancellationToken.None);
        Assert.False(unknown.IsAuthenticated);
    }

    private static ServiceProvider Services(HttpMessageHandler handler, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:AppId"] = AppId,
                ["Bot:OpenIdMetadataUrl"] = TestChannelAuthority.MetadataUrl,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(clock)
            .AddBotProtocol();
        services.AddHttpClient(BotProtocolServiceCollectionExtensions.MetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }

    /// <summary>Answers 503 for every metadata and key fetch while <see cref="Down"/>.</summary>
    private sealed class SwitchableHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _refused;

        public volatile bool Down;

        public int Refused => Volatile.Read(ref _refused);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Down)
            {
                Interlocked.Increment(ref _refused);
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
