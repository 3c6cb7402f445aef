using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OracleBot.Protocol.Schema;

namespace OracleBot.Tests.Protocol;

public sealed class ChannelTokenValidatorTests : IDisposable
{
    private const string AppId = ValidatorHarness.AppId;
    private const string ServiceUrl = ValidatorHarness.ServiceUrl;

    private readonly ValidatorHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Valid_token_is_authenticated_and_authorizes_its_activity()
    {
        var identity = await _harness.ValidateAsync(TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl));

        Assert.True(identity.IsAuthenticated, identity.FailureReason);
        Assert.False(identity.IsAnonymous);
        Assert.Equal(["msteams"], identity.Endorsements);
        Assert.Equal(ServiceUrl, identity.ServiceUrlClaim);
        Assert.True(identity.Authorizes(TeamsActivity(ServiceUrl), out var reason), reason);
    }

    [Theory]
    [InlineData(null, "missing Authorization header")]
    [InlineData("", "missing Authorization header")]
    [InlineData("Basic dXNlcjpwYXNz", "authorization scheme is not Bearer")]
    [InlineData("bearer abc.def.ghi", "authorization scheme is not Bearer")]
    [InlineData("Bearer not-a-jwt", "malformed token")]
    public async Task Header_problems_are_rejected(string? header, string expectedReason)
    {
        var identity = await _harness.Validator.ValidateAsync(header, CancellationToken.None);

        Assert.False(identity.IsAuthenticated);
        Assert.Equal(expectedReason, identity.FailureReason);
        Assert.False(identity.Authorizes(TeamsActivity(ServiceUrl), out _));
    }

    [Fact]
    public async Task Signature_by_another_key_under_a_published_kid_is_rejected()
    {
        var impostor = TestSigningKey.Create(_harness.Key.Kid, ["msteams"]);

        var identity = await _harness.ValidateAsync(TestChannelAuthority.CreateToken(impostor, AppId, ServiceUrl));

        AssertRejected(identity, "signature invalid");
    }

    [Fact]
    public async Task Tampered_payload_is_rejected()
    {
        var token = TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl);
        var forged = TestChannelAuthority.CreateToken(_harness.Key, AppId, "https://evil.example/");
        var parts = token.Split('.');
        var tampered = string.Join('.', parts[0], forged.Split('.')[1], parts[2]);

        AssertRejected(await _harness.ValidateAsync(tampered), "signature invalid");
    }

    [Fact]
    public async Task Unknown_kid_triggers_at_most_one_fetch_per_cooldown()
    {
        Assert.True((await _harness.ValidateAsync(TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl))).IsAuthenticated);
        Assert.Equal(1, _harness.Authority.KeyRequests);
        var stranger = TestSigningKey.Create("key-unknown", ["msteams"]);
        var strangerToken = TestChannelAuthority.CreateToken(stranger, AppId, ServiceUrl);

        // Within the cooldown of the first fetch: no new fetch.
        AssertRejected(await _harness.ValidateAsync(strangerToken), "signing key not found");
        Assert.Equal(1, _harness.Authority.KeyRequests);

        _harness.Clock.Advance(TimeSpan.FromSeconds(31));
        AssertRejected(await _harness.ValidateAsync(strangerToken), "signing key not found");
        Assert.Equal(2, _harness.Authority.KeyRequests);

        for (var i = 0; i < 5; i++)
        {
            AssertRejected(await _harness.ValidateAsync(strangerToken), "signing key not found");
        }

        Assert.Equal(2, _harness.Authority.KeyRequests);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_after_the_cooldown()
    {
        Assert.True((await _harness.ValidateAsync(TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl))).IsAuthenticated);
        var rotated = _harness.Authority.Publish("key-2", "msteams");
        _harness.Clock.Advance(TimeSpan.FromSeconds(31));

        var identity = await _harness.ValidateAsync(TestChannelAuthority.CreateToken(rotated, AppId, ServiceUrl));

        Assert.True(identity.IsAuthenticated, identity.FailureReason);
        Assert.Equal(2, _harness.Authority.KeyRequests);
    }

    [Fact]
    public async Task Keys_are_refetched_after_a_day_and_withdrawn_keys_stop_working()
    {
        Assert.True((await _harness.ValidateAsync(TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl))).IsAuthenticated);
        _harness.Authority.Unpublish(_harness.Key);
        _harness.Clock.Advance(TimeSpan.FromHours(24));

        // A fresh token (not in the validated-token cache) signed by the withdrawn key.
        var identity = await _harness.ValidateAsync(
            TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl, d => d.Claims["jti"] = "fresh"));

        AssertRejected(identity, "signing key not found");
        Assert.Equal(2, _harness.Authority.KeyRequests);
    }

    [Fact]
    public async Task Wrong_issuer_is_rejected()
    {
        var token = TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl, d => d.Issuer = "https://sts.windows.net/evil/");

        AssertRejected(await _harness.ValidateAsync(token), "issuer not accepted");
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        var token = TestChannelAuthority.CreateToken(_harness.Key, "another-bot", ServiceUrl);

        AssertRejected(await _harness.ValidateAsync(token), "audience is not this bot");
    }

    [Theory]
    [InlineData(-120, -6, "token expired")]
    [InlineData(-60, -4, null)]
    [InlineData(6, 66, "token not yet valid")]
    [InlineData(4, 64, null)]
    public async Task Lifetime_is_enforced_with_five_minutes_of_skew(int notBeforeMinutes, int expiresMinutes, string? expectedFailure)
    {
        var token = TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl, d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(notBeforeMinutes);
            d.Expires = DateTime.UtcNow.AddMinutes(expiresMinutes);
        });

        var identity = await _harness.ValidateAsync(token);

        Assert.Equal(expectedFailure is null, identity.IsAuthenticated);
        Assert.Equal(expectedFailure, identity.FailureReason);
    }

    [Fact]
    public async Task Unsigned_alg_none_token_is_rejected()
    {
        var token = TestChannelAuthority.CreateToken(key: null, AppId, ServiceUrl);
        Assert.Contains("\"none\"", Base64UrlEncoder.Decode(token.Split('.')[0]), StringComparison.Ordinal);

        AssertRejected(await _harness.ValidateAsync(token), "signing algorithm not allowed");
    }

    [Fact]
    public async Task Hmac_token_under_a_published_kid_is_rejected()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = _harness.Key.Kid };
        var token = TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl,
            d => d.SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        AssertRejected(await _harness.ValidateAsync(token), "signing algorithm not allowed");
    }

    [Fact]
    public async Task Key_not_endorsed_for_the_channel_does_not_authorize()
    {
        var unendorsed = _harness.Authority.Publish("key-webchat", "webchat");
        var identity = await _harness.ValidateAsync(TestChannelAuthority.CreateToken(unendorsed, AppId, ServiceUrl));
        Assert.True(identity.IsAuthenticated, identity.FailureReason);

        Assert.False(identity.Authorizes(TeamsActivity(ServiceUrl), out var reason));
        Assert.Equal("signing key is not endorsed for the activity's channel", reason);
    }

    [Fact]
    public async Task Serviceurl_claim_differing_from_the_activity_does_not_authorize()
    {
        var identity = await _harness.ValidateAsync(TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl));

        Assert.False(identity.Authorizes(TeamsActivity("https://evil.example/teams/"), out var reason));
        Assert.Equal("serviceurl claim does not match the activity's serviceUrl", reason);
    }

    [Fact]
    public async Task Token_without_serviceurl_claim_does_not_authorize()
    {
        var identity = await _harness.ValidateAsync(TestChannelAuthority.CreateToken(_harness.Key, AppId, serviceUrl: null));

        Assert.True(identity.IsAuthenticated);
        Assert.False(identity.Authorizes(TeamsActivity(ServiceUrl), out _));
    }

    [Fact]
    public async Task Cached_token_is_rejected_once_expired()
    {
        var token = TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl);
        var first = await _harness.ValidateAsync(token);
        Assert.True(first.IsAuthenticated);
        Assert.Same(first, await _harness.ValidateAsync(token));

        _harness.Clock.Advance(TimeSpan.FromMinutes(59 + 5 + 1));

        AssertRejected(await _harness.ValidateAsync(token), "token expired");
    }

    [Fact]
    public async Task Cached_token_path_allocates_nothing()
    {
        var header = "Bearer " + TestChannelAuthority.CreateToken(_harness.Key, AppId, ServiceUrl);
        var activity = TeamsActivity(ServiceUrl);
        Assert.True((await _harness.Validator.ValidateAsync(header, CancellationToken.None)).Authorizes(activity, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            var pending = _harness.Validator.ValidateAsync(header, CancellationToken.None);
            Assert.True(pending.IsCompletedSuccessfully);
#pragma warning disable xUnit1031 // Completed synchronously (asserted above); awaiting would add the state machine under measurement.
            Assert.True(pending.Result.Authorizes(activity, out _));
#pragma warning restore xUnit1031
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Without_app_id_requests_are_anonymous()
    {
        using var harness = new ValidatorHarness(appId: "");

        var identity = await harness.Validator.ValidateAsync(null, CancellationToken.None);

        Assert.True(identity.IsAuthenticated);
        Assert.True(identity.IsAnonymous);
        Assert.True(identity.Authorizes(TeamsActivity("https://anything.example/"), out _));
        Assert.Equal(0, harness.Authority.KeyRequests);
    }

    private static void AssertRejected(OracleBot.Protocol.Authentication.ChannelIdentity identity, string reason)
    {
        Assert.False(identity.IsAuthenticated);
        Assert.Equal(reason, identity.FailureReason);
    }

    private static Activity TeamsActivity(string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "a:conversation" },
    };
}
