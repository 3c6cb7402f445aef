using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Protocol;
using OracleBot.Protocol.Authentication;
using OracleBot.Protocol.Connector;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Channel;

/// <summary>The connector client and token validator as <c>AddBotProtocol</c> wires them, against real loopback servers.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string AppId = "0d5e7f8a-1b2c-4d3e-9f40-a1b2c3d4e5f6";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private LoopbackChannel _channel = null!;
    private LoopbackTokenAuthority _authority = null!;

    public async Task InitializeAsync()
    {
        _channel = await LoopbackChannel.StartAsync();
        _authority = await LoopbackTokenAuthority.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task Retries_429_and_503_honouring_retry_after_with_one_cached_token()
    {
        await using var services = BuildServices(withAppId: true);
        var connector = services.GetRequiredService<IConnectorClient>();
        _channel.EnqueueFailures(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1));
        _channel.EnqueueFailures(1, HttpStatusCode.ServiceUnavailable);

        var stopwatch = Stopwatch.StartNew();
        var response = await connector.SendToConversationAsync(
            _channel.ServiceUrl, "a:personal-1", new Activity { Type = ActivityTypes.Message, Text = "hello" }, CancellationToken.None);
        stopwatch.Stop();
        await connector.SendTypingAsync(_channel.ServiceUrl, "a:personal-1", CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(response.Id));
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"Retry-After ignored: {stopwatch.Elapsed}");
        var requests = _channel.Requests;
        Assert.Equal([429, 503, 201, 201], requests.Select(r => r.ResponseStatus));
        Assert.All(requests, r => Assert.Equal("Bearer loopback-bot-token-botframework.com-1", r.Authorization));
        Assert.Equal("typing", requests[^1].Activity!.Type);
        Assert.Equal(1, _authority.TokensIssued);
        var tokenRequest = Assert.Single(_authority.Requests, r => r.Form.Count > 0);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", tokenRequest.Path);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
        Assert.Equal(AppId, tokenRequest.Form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
    }

    [Fact]
    public async Task Post_answered_500_is_not_retried_and_reports_the_connector_error()
    {
        await using var services = BuildServices(withAppId: true);
        var connector = services.GetRequiredService<IConnectorClient>();
        _channel.EnqueueResponse(new ScriptedResponse(HttpStatusCode.InternalServerError, ErrorCode: "ServiceError", CorrelationId: "corr-500"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReplyToActivityAsync(
            _channel.ServiceUrl, "a:personal-1", "1712345678901", new Activity { Type = ActivityTypes.Message, Text = "x" }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("ServiceError", error.ErrorCode);
        Assert.Equal("corr-500", error.CorrelationId);
        Assert.Single(_channel.Requests);
    }

    [Fact]
    public async Task Put_answered_500_is_retried()
    {
        await using var services = BuildServices(withAppId: true);
        var connector = services.GetRequiredService<IConnectorClient>();
        _channel.EnqueueFailures(1, HttpStatusCode.InternalServerError);

        var response = await connector.UpdateActivityAsync(
            _channel.ServiceUrl, "a:personal-1", "1712345678901", new Activity { Type = ActivityTypes.Message, Text = "v2" }, CancellationToken.None);

        Assert.Equal("1712345678901", response.Id);
        Assert.Equal(["PUT", "PUT"], _channel.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Without_app_id_no_token_is_sent_and_thread_ids_survive_escaping()
    {
        await using var services = BuildServices(withAppId: false);
        var connector = services.GetRequiredService<IConnectorClient>();
        const string thread = "19:abc@thread.tacv2;messageid=1712345678901";

        await connector.ReplyToActivityAsync(
            _channel.ServiceUrl.TrimEnd('/'), thread, "1712345678901", new Activity { Type = ActivityTypes.Message, Text = "reply" }, CancellationToken.None);

        var request = Assert.Single(await _channel.WaitForActivitiesAsync(1, Wait));
        Assert.Null(request.Authorization);
        Assert.Equal("POST", request.Method);
        Assert.Equal(thread, request.ConversationId);
        Assert.Equal("1712345678901", request.ActivityId);
        Assert.Equal("1712345678901", request.Activity!.ReplyToId);
        Assert.Equal(0, _authority.TokensIssued);
    }

    [Fact]
    public async Task Channel_tokens_validate_against_the_loopback_keys()
    {
        await using var services = BuildServices(withAppId: true);
        var validator = services.GetRequiredService<IChannelTokenValidator>();
        var activity = _channel.CreateMessage("hello", AppId);

        var good = await validator.ValidateAsync("Bearer " + _channel.CreateToken(AppId), CancellationToken.None);
        var unendorsedKey = _channel.AddSigningKey("webchat-only", "webchat");
        var unendorsed = await validator.ValidateAsync("Bearer " + _channel.CreateToken(AppId, signWith: unendorsedKey), CancellationToken.None);

        Assert.True(good.Authorizes(activity, out var reason), reason);
        Assert.True(unendorsed.IsAuthenticated, unendorsed.FailureReason);
        Assert.False(unendorsed.Authorizes(activity, out _));
        // The second key was published after the first fetch: its unknown kid caused exactly one refetch.
        Assert.Equal(2, _channel.KeyRequests);
    }

    private ServiceProvider BuildServices(bool withAppId)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = withAppId ? AppId : null,
            ["Bot:ClientSecret"] = withAppId ? "loopback-secret" : null,
            ["Bot:AllowUnauthenticated"] = withAppId ? null : "true",
            ["Bot:AuthorityHost"] = _authority.AuthorityHost.ToString(),
            ["Bot:DisableInstanceDiscovery"] = "true",
            ["Bot:OpenIdMetadataUrl"] = _channel.OpenIdMetadataUrl,
            ["Bot:RequireHttpsMetadata"] = "false",
            ["Bot:SigningKeyRefreshCooldown"] = "00:00:00",
            ["Bot:Connector:RetryBaseDelay"] = "00:00:00.010",
            ["Bot:Connector:RetryMaxDelay"] = "00:00:02",
        };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddBotProtocol();
        services.AddHttpClient(BotProtocolServiceCollectionExtensions.IdentityHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(_authority.CreateTrustingHandler);
        return services.BuildServiceProvider();
    }
}
