using System.Text.Json;
using System.Text.Json.Nodes;

namespace OracleBot.Turns;

/// <summary>Tolerant reads from activity JSON, where any field may hold any type.</summary>
internal static class JsonValues
{
    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
