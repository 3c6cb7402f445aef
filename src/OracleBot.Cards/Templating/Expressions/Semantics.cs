using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OracleBot.Cards.Templating.Expressions;

/// <summary>Value rules of the reference library (Adaptive Expressions on JavaScript) for the supported subset.</summary>
internal static class Semantics
{
    /// <summary>Adaptive Expressions' truthiness: only false, null and undefined are false (0 and "" are true).</summary>
    public static bool IsTruthy(Value value) => value.Node switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        _ => true,
    };

    public static bool AreEqual(Value left, Value right)
    {
        if (left.Node is null || right.Node is null)
        {
            return left.Node is null && right.Node is null;
        }

        var kind = left.Node.GetValueKind();
        var otherKind = right.Node.GetValueKind();
        if (kind is JsonValueKind.Number && otherKind is JsonValueKind.Number)
        {
            return ToDouble(left.Node) == ToDouble(right.Node);
        }

        if (kind != otherKind)
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.String => string.Equals(left.Node.GetValue<string>(), right.Node.GetValue<string>(), StringComparison.Ordinal),
            JsonValueKind.True or JsonValueKind.False => true,
            _ => throw new ExpressionEvaluationException("Only strings, numbers and booleans can be compared."),
        };
    }

    public static double AsNumber(Value value, string op) =>
        value.Node is { } node && node.GetValueKind() == JsonValueKind.Number
            ? ToDouble(node)
            : throw new ExpressionEvaluationException($"'{op}' needs numbers.");

    /// <summary>How JavaScript's <c>toString()</c> renders a value spliced into a longer string.</summary>
    public static void AppendText(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                // The reference library throws here too (it calls toString() on null).
                throw new ExpressionEvaluationException("A null value cannot be interpolated into text.");
            case JsonObject:
                builder.Append("[object Object]");
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    if (array[i] is { } item)
                    {
                        AppendText(builder, item);
                    }
                }

                break;
            default:
                AppendScalar(builder, node);
                break;
        }
    }

    private static void AppendScalar(StringBuilder builder, JsonNode node)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                builder.Append(node.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                var number = ToDouble(node);
                if (Math.Abs(number) < 1e15 && number == Math.Floor(number))
                {
                    builder.Append(((long)number).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(number.ToString("R", CultureInfo.InvariantCulture));
                }

                break;
        }
    }

    private static double ToDouble(JsonNode node)
    {
        var value = (JsonValue)node;
        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        return value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }
}
