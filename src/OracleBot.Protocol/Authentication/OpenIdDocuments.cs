using System.Text.Json.Serialization;

namespace OracleBot.Protocol.Authentication;

/// <summary>The part of the OpenID metadata document the validator needs.</summary>
internal sealed record OpenIdMetadataDocument([property: JsonPropertyName("jwks_uri")] string? JwksUri);

/// <summary>A JWKS document; Bot Framework keys add a non-standard <c>endorsements</c> array.</summary>
internal sealed record JsonWebKeySetDocument(IReadOnlyList<JsonWebKeyDocument>? Keys);

internal sealed record JsonWebKeyDocument(
    string? Kty,
    string? Kid,
    string? Use,
    string? N,
    string? E,
    IReadOnlyList<string>? X5c,
    IReadOnlyList<string>? Endorsements);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OpenIdMetadataDocument))]
[JsonSerializable(typeof(JsonWebKeySetDocument))]
internal sealed partial class OpenIdJsonContext : JsonSerializerContext;
