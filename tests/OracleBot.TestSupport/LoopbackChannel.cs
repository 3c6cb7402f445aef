using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OracleBot.TestSupport;

/// <summary>
/// A Teams-like channel on 127.0.0.1: publishes OpenID metadata and a JWKS with endorsements, signs channel
/// tokens with its own RSA keys, posts activities to a bot, and plays the connector under <see cref="ServiceUrl"/>,
/// capturing every call the bot makes and answering 201 <c>{id}</c> unless a failure is scripted.
/// </summary>
public sealed partial class LoopbackChannel : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string TeamsChannelId = "msteams";

    private readonly WebApplication _app;
    private readonly List<ChannelSigningKey> _keys = [];
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _metadataRequests;
    private int _keyRequests;

    private LoopbackChannel(WebApplication app)
    {
        _app = app;
        SigningKey = AddSigningKey("channel-key-1", TeamsChannelId);
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What goes into <c>activity.serviceUrl</c> and the token's <c>serviceurl</c> claim.</summary>
    public string ServiceUrl => BaseAddress + "teams/";

    /// <summary>Value for <c>Bot:OpenIdMetadataUrl</c> (with <c>Bot:RequireHttpsMetadata=false</c>).</summary>
    public string OpenIdMetadataUrl => BaseAddress + ".well-known/openidconfiguration";

    /// <summary>The key <see cref="CreateToken"/> signs with by default; endorsed for <c>msteams</c>.</summary>
    public ChannelSigningKey SigningKey { get; private set; }

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    /// <param name="port">Listen on this port instead of one the OS picks (a connector that comes up where the bot was refused).</param>
    public static async Task<LoopbackChannel> StartAsync(CancellationToken ct = default, int port = 0)
    {
        LoopbackChannel? channel = null;
        var (app, baseAddress) = await LoopbackServer.StartAsync(
            app =>
            {
                channel = new LoopbackChannel(app);
                app.MapGet("/.well-known/openidconfiguration", channel.ServeMetadata);
                app.MapGet("/.well-known/keys", channel.ServeKeys);
                app.Map("/teams/{**route}", channel.HandleConnectorAsync);
            },
            ct: ct,
            port: port);
        channel!.BaseAddress = baseAddress;
        return channel;
    }

    /// <summary>Publishes another key, e.g. one endorsed for a different channel (pass no endorsements for none).</summary>
    public ChannelSigningKey AddSigningKey(string? keyId = null, params string[] endorsements)
    {
        var key = new ChannelSigningKey(keyId ?? "channel-key-" + Guid.NewGuid().ToString("N")[..8], endorsements);
        lock (_keys)
        {
            _keys.Add(key);
        }

        return key;
    }

    /// <summary>Withdraws a key from the JWKS.</summary>
    public void RemoveSigningKey(ChannelSigningKey key)
    {
        lock (_keys)
        {
            _keys.Remove(key);
        }
    }

    /// <summary>Publishes a new <c>msteams</c> key, withdraws the current one and signs with the new one from now on.</summary>
    public ChannelSigningKey RotateSigningKey()
    {
        var previous = SigningKey;
        SigningKey = AddSigningKey(null, TeamsChannelId);
        RemoveSigningKey(previous);
        return SigningKey;
    }

    /// <summary>
    /// Signs a channel token: issuer <see cref="Issuer"/>, the given audience (the bot's App ID), <c>serviceurl</c>
    /// (defaults to <see cref="ServiceUrl"/>), one hour of validity. <paramref name="customize"/> may change anything,
    /// e.g. expiry, issuer, or <c>SigningCredentials</c> (null gives an unsigned <c>alg: none</c> token).
    /// </summary>
    public string CreateToken(
        string audience,
        string? serviceUrl = null,
        Action<SecurityTokenDescriptor>? customize = null,
        ChannelSigningKey? signWith = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl },
            SigningCredentials = (signWith ?? SigningKey).Credentials,
        };
        customize?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Makes the next connector calls fail as scripted, in order; later calls succeed again.</summary>
    public void EnqueueFailures(int count, HttpStatusCode status, TimeSpan? retryAfter = null, string? errorCode = null)
    {
        for (var i = 0; i < count; i++)
        {
            EnqueueResponse(new ScriptedResponse(status, retryAfter, errorCode, CorrelationId: "corr-" + Guid.NewGuid().ToString("N")[..8]));
        }
    }

    public void EnqueueResponse(ScriptedResponse response) => _script.Enqueue(response);

    /// <summary>While set, every connector call without a scripted response is answered with this status (a connector that is down).</summary>
    public HttpStatusCode? Outage { get; set; }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_keys)
        {
            foreach (var key in _keys)
            {
                key.Dispose();
            }
        }
    }

    private IResult ServeMetadata()
    {
        Interlocked.Increment(ref _metadataRequests);
        return Results.Text(
            new JsonObject
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = BaseAddress + ".well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }.ToJsonString(),
            "application/json");
    }

    private IResult ServeKeys()
    {
        Interlocked.Increment(ref _keyRequests);
        var keys = new JsonArray();
        lock (_keys)
        {
            foreach (var key in _keys)
            {
                keys.Add(key.ToJwk());
            }
        }

        return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
    }
}
