using System.Text.Json.Nodes;

namespace OracleBot.Cards.Templating.Expressions;

/// <summary>What <c>$root</c>, <c>$data</c> and <c>$index</c> mean at one point of the expansion.</summary>
internal readonly record struct EvaluationScope(JsonNode? Root, JsonNode? Data, int? Index)
{
    public static EvaluationScope ForRoot(JsonNode? root) => new(root, root, null);
}
