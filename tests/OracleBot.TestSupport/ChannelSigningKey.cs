using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace OracleBot.TestSupport;

/// <summary>An RSA signing key the loopback channel publishes in its JWKS, with Bot Framework endorsements.</summary>
public sealed class ChannelSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public ChannelSigningKey(string keyId, IReadOnlyList<string> endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        Credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public SigningCredentials Credentials { get; }

    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var endorsements = new JsonArray();
        foreach (var endorsement in Endorsements)
        {
            endorsements.Add(endorsement);
        }

        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    public void Dispose() => _rsa.Dispose();
}
