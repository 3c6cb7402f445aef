using System.Text.Json.Serialization;

namespace OracleBot.Answers.Knowledge;

/// <summary>One line of a seed JSONL file, as written in <c>seeds/README.md</c>.</summary>
internal sealed record SeedRecord(
    string? Id,
    string? Title,
    string? Text,
    string? Conclusion,
    IReadOnlyList<string>? Meshes,
    string? Source,
    int? Year,
    string? Url,
    string? Kind,
    string? License);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SeedRecord))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
