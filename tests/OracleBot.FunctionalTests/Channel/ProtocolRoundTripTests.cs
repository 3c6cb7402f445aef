using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Protocol;
using OracleBot.Protocol.Authentication;
using OracleBot.Protocol.Connector;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Channel;

/// <summary>
/// The protocol layer alone inside a minimal echo bot on Kestrel: the loopback channel posts signed activities,
/// the bot validates them in two phases and answers through the connector, and the channel captures the reply.
/// </summary>
public sealed class ProtocolRoundTripTests : IAsyncLifetime
{
    private const string AppId = "7a3b1c2d-0000-4000-8000-00000000beef";

    private LoopbackChannel _channel = null!;
    private WebApplication _bot = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        _channel = await LoopbackChannel.StartAsync();
        var (bot, baseAddress) = await LoopbackServer.StartAsync(
            app => app.MapPost("/api/messages", EchoAsync),
            builder =>
            {
                builder.Configuration["Bot:AppId"] = AppId;
                builder.Configuration["Bot:ClientSecret"] = "unused: replies go out without a token";
                builder.Configuration["Bot:OpenIdMetadataUrl"] = _channel.OpenIdMetadataUrl;
                builder.Configuration["Bot:RequireHttpsMetadata"] = "false";
                builder.Services.AddBotProtocol();
                builder.Services.AddSingleton<IConnectorTokenProvider, NoTokenProvider>();
            });
        _bot = bot;
        _endpoint = new Uri(baseAddress, "api/messages");
    }

    public async Task DisposeAsync()
    {
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task Signed_message_is_accepted_and_answered_in_its_thread()
    {
        var inbound = _channel.CreateMessage("ping", AppId, "19:general@thread.tacv2;messageid=42", ConversationTypes.Channel);

        using var response = await _channel.PostActivityAsync(_endpoint, inbound, _channel.CreateToken(AppId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _channel.WaitForActivitiesAsync(r => r.Activity?.Text == "echo: ping", 1, TimeSpan.FromSeconds(10)));
        Assert.Equal("19:general@thread.tacv2;messageid=42", reply.ConversationId);
        Assert.Equal(inbound.Id, reply.ActivityId);
    }

    [Fact]
    public async Task Missing_forged_or_misdirected_tokens_are_refused()
    {
        var inbound = _channel.CreateMessage("ping", AppId);

        using var missing = await _channel.PostActivityAsync(_endpoint, inbound, token: null);
        using var wrongAudience = await _channel.PostActivityAsync(_endpoint, inbound, _channel.CreateToken("someone-else"));
        using var otherServiceUrl = await _channel.PostActivityAsync(_endpoint, inbound, _channel.CreateToken(AppId, "https://evil.example/teams/"));
        using var unsigned = await _channel.PostActivityAsync(_endpoint, inbound, _channel.CreateToken(AppId, customize: d => d.SigningCredentials = null));
        using var malformed = await _channel.PostActivityAsync(_endpoint, "{not json", _channel.CreateToken(AppId));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherServiceUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    // Deliberately tiny: the real turn pipeline lives in the host; this only exercises the protocol seams.
    private static async Task<IResult> EchoAsync(HttpContext context, IChannelTokenValidator validator, IConnectorClient connector)
    {
        var identity = await validator.ValidateAsync(context.Request.Headers.Authorization.FirstOrDefault(), context.RequestAborted);
        if (!identity.IsAuthenticated)
        {
            return Results.Unauthorized();
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(context.Request.Body, ActivityJson.ActivityTypeInfo, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (activity?.Conversation?.Id is not { } conversationId || activity.ServiceUrl is null || activity.Id is null)
        {
            return Results.BadRequest();
        }

        if (!identity.Authorizes(activity, out _))
        {
            return Results.Unauthorized();
        }

        await connector.ReplyToActivityAsync(
            activity.ServiceUrl, conversationId, activity.Id, new Activity { Type = ActivityTypes.Message, Text = "echo: " + activity.Text }, context.RequestAborted);
        return Results.Ok();
    }

    private sealed class NoTokenProvider : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(null);
    }
}
