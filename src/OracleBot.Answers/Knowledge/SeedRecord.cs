using System.Text.Json.Serialization;

namespace OracleBot.Answers.Knowledge;

/// <summary>One line of a seed JSONL file, as written in <c>seeds/README.md</c>.</summary>
/// <param name="Grade">USPSTF grade (A, B, C, D, I), or another issuer's grade as written.</param>
/// <param name="RecommendationCategory">CDC recommendation category (A or B).</param>
/// <param name="EvidenceType">CDC evidence type, 1 (strongest) to 4; a number, or a string holding one.</param>
/// <param name="Updated">The date the document was last updated, <c>yyyy-MM-dd</c> (PDQ).</param>
/// <param name="SectionUrl">The address of the recommendation within its page, where known (CDC); cited instead of <paramref name="Url"/>.</param>
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
    string? License,
    string? Grade = null,
    string? RecommendationCategory = null,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? EvidenceType = null,
    string? Updated = null,
    string? SectionUrl = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SeedRecord))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
