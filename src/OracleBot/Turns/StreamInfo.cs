using System.Text.Json.Nodes;

namespace OracleBot.Turns;

/// <summary>The <c>streaminfo</c> entity of Teams streaming (PROTOCOL.md §5).</summary>
internal static class StreamInfo
{
    public const string Informative = "informative";
    public const string Final = "final";

    public static JsonObject Start() => new()
    {
        ["type"] = "streaminfo",
        ["streamType"] = Informative,
        ["streamSequence"] = 1,
    };

    public static JsonObject Update(string streamId, int sequence) => new()
    {
        ["type"] = "streaminfo",
        ["streamId"] = streamId,
        ["streamType"] = Informative,
        ["streamSequence"] = sequence,
    };

    // The final message carries no sequence number: Teams rejects one.
    public static JsonObject End(string streamId) => new()
    {
        ["type"] = "streaminfo",
        ["streamId"] = streamId,
        ["streamType"] = Final,
    };
}
