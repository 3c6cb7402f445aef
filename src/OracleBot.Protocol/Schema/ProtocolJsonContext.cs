using System.Text.Json;
using System.Text.Json.Serialization;
using OracleBot.Protocol.Connector;

namespace OracleBot.Protocol.Schema;

/// <summary>
/// Compile-time serializers for the types that cross the wire on every turn, so the hot path does no
/// reflection-based metadata work. Settings mirror <see cref="ActivityJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(RawJson))]
[JsonSerializable(typeof(ConnectorErrorResponse))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
