using System.Text.Json.Serialization;

namespace OracleBot.Answers.Writing;

/// <summary>The model's structured output, as its JSON schema (<see cref="ModelAnswerSchema"/>) describes it.</summary>
internal sealed record ModelAnswer(ModelStatement? BottomLine, IReadOnlyList<ModelSection>? Sections, IReadOnlyList<string>? FollowUps);

internal sealed record ModelSection(string? Kind, IReadOnlyList<ModelStatement>? Statements);

internal sealed record ModelStatement(string? Text, IReadOnlyList<string>? PassageIds);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, AllowTrailingCommas = false)]
[JsonSerializable(typeof(ModelAnswer))]
internal sealed partial class ModelAnswerJson : JsonSerializerContext;

/// <summary>The JSON schema the model must answer in (structured output, strict).</summary>
internal static class ModelAnswerSchema
{
    private const string Statement = """
        {"type":"object","additionalProperties":false,"required":["text","passageIds"],
         "properties":{"text":{"type":"string"},"passageIds":{"type":"array","items":{"type":"string"}}}}
        """;

    public static BinaryData Schema { get; } = BinaryData.FromString("""
        {"type":"object","additionalProperties":false,"required":["bottomLine","sections","followUps"],
         "properties":{
           "bottomLine":STATEMENT,
           "sections":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["kind","statements"],
             "properties":{"kind":{"type":"string","enum":["guideline","summary","research","reference"]},
                           "statements":{"type":"array","items":STATEMENT}}}},
           "followUps":{"type":"array","items":{"type":"string"}}}}
        """.Replace("STATEMENT", Statement, StringComparison.Ordinal));
}
