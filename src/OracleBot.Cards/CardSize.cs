using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OracleBot.Cards;

/// <summary>Measures cards as they will travel: UTF-8 JSON with the serializer's default escaping.</summary>
public static class CardSize
{
    /// <summary>Bytes of <paramref name="card"/> serialized compactly (non-ASCII escaped, as the default encoder does).</summary>
    public static int EstimateSizeBytes(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            card.WriteTo(writer);
        }

        return buffer.WrittenCount;
    }
}
