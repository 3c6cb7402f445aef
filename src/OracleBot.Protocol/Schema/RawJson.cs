using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OracleBot.Protocol.Schema;

/// <summary>
/// JSON that was serialised already (an Adaptive Card bound straight to UTF-8), carried in an activity as a
/// <see cref="JsonNode"/> and written out as it is: no tree is built for it and it is not serialised twice.
/// The bytes must be one complete, valid JSON value; they are not checked again.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson
{
    private RawJson(byte[] utf8) => Utf8 = utf8;

    public byte[] Utf8 { get; }

    /// <summary>A node that writes <paramref name="utf8"/> verbatim wherever it is serialised.</summary>
    public static JsonNode Node(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return JsonValue.Create(new RawJson(utf8), ProtocolJsonContext.Default.RawJson)!;
    }

    internal static RawJson Read(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
    }
}

/// <summary>Writes <see cref="RawJson"/> verbatim; reads any JSON value into it.</summary>
internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => RawJson.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8, skipInputValidation: true);
}
