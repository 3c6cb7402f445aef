using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OracleBot.Protocol.Schema;

/// <summary>
/// An activity's entities: read, each is a JSON object (or null, which the host drops), as the schema says; written,
/// each may also be JSON serialised already (<see cref="RawJson"/>), such as an entity the bot writes straight to
/// UTF-8 for every reply.
/// </summary>
internal sealed class EntityListConverter : JsonConverter<IList<JsonNode>>
{
    public override IList<JsonNode> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("'entities' must be an array.");
        }

        // Read as the serializer reads a JsonObject property under these options (case-insensitive names on the web).
        var nodeOptions = new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive };
        var entities = new List<JsonNode>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                entities.Add(null!);
                continue;
            }

            entities.Add(JsonNode.Parse(ref reader, nodeOptions) as JsonObject ?? throw new JsonException("An entity must be a JSON object."));
        }

        return entities;
    }

    public override void Write(Utf8JsonWriter writer, IList<JsonNode> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var entity in value)
        {
            if (entity is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                entity.WriteTo(writer, options);
            }
        }

        writer.WriteEndArray();
    }
}
