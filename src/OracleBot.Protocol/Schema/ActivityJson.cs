using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OracleBot.Protocol.Schema;

/// <summary>The JSON conventions of the wire: camelCase, case-insensitive reads, nulls omitted.</summary>
public static class ActivityJson
{
    /// <summary>
    /// Web defaults plus null omission. Protocol types resolve through the source-generated context;
    /// anything else (a caller's own payload) falls back to reflection.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Source-generated metadata for <see cref="Activity"/> bound to <see cref="Options"/>.</summary>
    public static JsonTypeInfo<Activity> ActivityTypeInfo { get; } = (JsonTypeInfo<Activity>)Options.GetTypeInfo(typeof(Activity));

    /// <summary>Source-generated metadata for <see cref="ResourceResponse"/> bound to <see cref="Options"/>.</summary>
    public static JsonTypeInfo<ResourceResponse> ResourceResponseTypeInfo { get; } =
        (JsonTypeInfo<ResourceResponse>)Options.GetTypeInfo(typeof(ResourceResponse));

    /// <summary>Reads an activity from UTF-8 JSON; throws <see cref="JsonException"/> when malformed.</summary>
    public static Activity? Deserialize(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, ActivityTypeInfo);

    /// <summary>Writes an activity as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, ActivityTypeInfo);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 64,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
