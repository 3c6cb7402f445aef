using Microsoft.IdentityModel.Tokens;

namespace OracleBot.Protocol.Authentication;

/// <summary>A channel signing key and the channels it may vouch for.</summary>
internal sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements);

/// <summary>An immutable snapshot of the published keys, swapped whole on refresh.</summary>
internal sealed class SigningKeySet(IReadOnlyDictionary<string, SigningKey> keys, DateTimeOffset fetchedAt)
{
    public DateTimeOffset FetchedAt { get; } = fetchedAt;

    public int Count => keys.Count;

    public SigningKey? Find(string keyId) => keys.GetValueOrDefault(keyId);
}
