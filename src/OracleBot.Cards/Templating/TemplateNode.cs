using System.Text;
using System.Text.Json.Nodes;
using OracleBot.Cards.Templating.Expressions;

namespace OracleBot.Cards.Templating;

/// <summary>
/// One compiled piece of a template. <see cref="Bind"/> returns the expanded JSON, or null when the
/// piece expands to nothing (the reference library drops such items from arrays and writes null
/// for such properties), or a <see cref="JsonArray"/> of repeated copies for a <c>$data</c> array.
/// </summary>
internal abstract class TemplateNode
{
    public abstract JsonNode? Bind(in EvaluationScope scope);
}

/// <summary>A value with no expression in it: copied as is.</summary>
internal sealed class ConstantNode(JsonNode? value) : TemplateNode
{
    public override JsonNode? Bind(in EvaluationScope scope) => value?.DeepClone();
}

/// <summary>A string that is one whole <c>${…}</c>: keeps the type of what it evaluates to.</summary>
internal sealed class WholeExpressionNode(Expression expression) : TemplateNode
{
    public Expression Expression => expression;

    public override JsonNode? Bind(in EvaluationScope scope) =>
        expression.Evaluate(scope, substituteMissing: true).Node?.DeepClone();
}

/// <summary>A string mixing text and expressions: always produces text.</summary>
internal sealed class InterpolatedStringNode(object[] parts) : TemplateNode
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    // Each part is either literal text (string) or an Expression.
    public override JsonNode? Bind(in EvaluationScope scope)
    {
        var builder = t_builder ??= new StringBuilder(256);
        builder.Clear();
        foreach (var part in parts)
        {
            if (part is string text)
            {
                builder.Append(text);
            }
            else
            {
                Semantics.AppendText(builder, ((Expression)part).Evaluate(scope, substituteMissing: true).Node);
            }
        }

        return JsonValue.Create(builder.ToString());
    }
}

internal sealed class ArrayNode(TemplateNode[] items) : TemplateNode
{
    public override JsonNode? Bind(in EvaluationScope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            switch (item.Bind(scope))
            {
                case null:
                    break;
                case JsonArray repeated:
                    // Like the reference library, an array produced by an item is spliced in.
                    var copies = repeated.ToArray();
                    repeated.Clear();
                    foreach (var copy in copies)
                    {
                        result.Add(copy);
                    }

                    break;
                case var single:
                    result.Add(single);
                    break;
            }
        }

        return result;
    }
}

/// <summary>An object, optionally repeated over <c>$data</c> and filtered by <c>$when</c>.</summary>
internal sealed class ObjectNode(
    KeyValuePair<string, TemplateNode>[] properties,
    Expression? data,
    Expression? when) : TemplateNode
{
    public override JsonNode? Bind(in EvaluationScope scope)
    {
        if (data is null)
        {
            return Include(scope) ? Expand(scope) : null;
        }

        var context = data.Evaluate(scope, substituteMissing: true).Node;
        if (context is not JsonArray array)
        {
            var inner = scope with { Data = context };
            return Include(inner) ? Expand(inner) : null;
        }

        JsonObject? firstResult = null;
        JsonArray? results = null;
        for (var i = 0; i < array.Count; i++)
        {
            var inner = new EvaluationScope(scope.Root, array[i], i);
            if (!Include(inner))
            {
                continue;
            }

            var expanded = Expand(inner);
            if (firstResult is null)
            {
                firstResult = expanded;
            }
            else
            {
                results ??= [firstResult];
                results.Add(expanded);
            }
        }

        return (JsonNode?)results ?? firstResult;
    }

    private bool Include(in EvaluationScope scope)
    {
        if (when is null)
        {
            return true;
        }

        try
        {
            // Only a real boolean true keeps the object; errors count as false, as in the reference library.
            return when.Evaluate(scope, substituteMissing: false).Node is JsonValue v
                && v.GetValueKind() == System.Text.Json.JsonValueKind.True;
        }
        catch (ExpressionEvaluationException)
        {
            return false;
        }
    }

    private JsonObject Expand(in EvaluationScope scope)
    {
        var result = new JsonObject();
        foreach (var (name, value) in properties)
        {
            result.Add(name, value.Bind(scope));
        }

        return result;
    }
}
