using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace OracleBot.Cards.Templating;

/// <summary>
/// How bound cards are written: compact, with the serializer's default escaping, as the activity that carries
/// them is written, so bytes written here and a tree serialised there are the same bytes.
/// </summary>
internal static class TemplateJson
{
    public static JsonTypeInfo<JsonNode> NodeTypeInfo { get; } = (JsonTypeInfo<JsonNode>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonNode));
}
