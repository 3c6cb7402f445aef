using System.Text.Json;
using System.Text.Json.Serialization;

namespace OracleBot.Protocol.Schema;

/// <summary>The JSON conventions of the wire: camelCase, nulls omitted, enums as strings.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 64,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
