using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OracleBot.Tests.Protocol;

/// <summary>
/// Stands in for login.botframework.com inside the process: real RSA keys, real signatures, JWKS with
/// endorsements, served through an <see cref="HttpMessageHandler"/> so each fetch can be counted.
/// </summary>
internal sealed class TestChannelAuthority : HttpMessageHandler
{
    public const string Issuer = "https://api.botframework.com";
    public const string MetadataUrl = "https://login.channel.test/v1/.well-known/openidconfiguration";
    public const string KeysUrl = "https://login.channel.test/v1/.well-known/keys";

    private readonly List<TestSigningKey> _published = [];
    private int _keyRequests;

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public TestSigningKey Publish(string kid, params string[] endorsements)
    {
        var key = TestSigningKey.Create(kid, endorsements);
        lock (_published)
        {
            _published.Add(key);
        }

        return key;
    }

    public void Unpublish(TestSigningKey key)
    {
        lock (_published)
        {
            _published.Remove(key);
        }
    }

    public static string CreateToken(
        TestSigningKey? key,
        string audience,
        string? serviceUrl,
        Action<SecurityTokenDescriptor>? customize = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            Claims = serviceUrl is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = key?.Credentials,
        };
        customize?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        string? body = url switch
        {
            MetadataUrl => new JsonObject { ["issuer"] = Issuer, ["jwks_uri"] = KeysUrl }.ToJsonString(),
            KeysUrl => KeysDocument(),
            _ => null,
        };
        if (url == KeysUrl)
        {
            Interlocked.Increment(ref _keyRequests);
        }

        return Task.FromResult(body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    private string KeysDocument()
    {
        var keys = new JsonArray();
        lock (_published)
        {
            foreach (var key in _published)
            {
                keys.Add(key.ToJwk());
            }
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }
}

internal sealed record TestSigningKey(string Kid, RSA Rsa, string[] Endorsements)
{
    public SigningCredentials Credentials => new(new RsaSecurityKey(Rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256);

    public static TestSigningKey Create(string kid, string[] endorsements) => new(kid, RSA.Create(2048), endorsements);

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)JsonValue.Create(e))]),
        };
    }
}
