using System.Text.Json.Nodes;

namespace OracleBot.Cards.Templating.Expressions;

/// <summary>
/// A compiled expression of the supported subset of the Adaptive Expressions language.
/// <paramref name="substituteMissing"/> mirrors the reference library: in bound values a missing
/// path reads as the text <c>${path}</c>; in <c>$when</c> it stays undefined.
/// </summary>
internal abstract class Expression
{
    public abstract Value Evaluate(in EvaluationScope scope, bool substituteMissing);
}

internal sealed class LiteralExpression(JsonNode? value) : Expression
{
    private readonly Value _value = Value.Of(value);

    public override Value Evaluate(in EvaluationScope scope, bool substituteMissing) => _value;
}

/// <summary>A dotted path: <c>$root.a.b</c>, <c>$data.a</c>, <c>$index</c> or <c>a.b</c> (relative to <c>$data</c>).</summary>
internal sealed class PathExpression : Expression
{
    private readonly string _source;
    private readonly PathStart _start;
    private readonly string[] _segments;

    public PathExpression(string source, IReadOnlyList<string> identifiers)
    {
        _source = source;
        (_start, var skip) = identifiers[0] switch
        {
            "$root" => (PathStart.Root, 1),
            "$data" => (PathStart.Data, 1),
            "$index" => (PathStart.Index, 1),
            var first when first.StartsWith('$') => throw new TemplateException($"Unsupported variable '{first}' in '{source}'."),
            _ => (PathStart.Data, 0),
        };
        if (_start == PathStart.Index && identifiers.Count > 1)
        {
            throw new TemplateException($"'$index' has no members: '{source}'.");
        }

        _segments = [.. identifiers.Skip(skip)];
    }

    private enum PathStart
    {
        Root,
        Data,
        Index,
    }

    public override Value Evaluate(in EvaluationScope scope, bool substituteMissing)
    {
        JsonNode? current;
        switch (_start)
        {
            case PathStart.Index:
                return scope.Index is { } index ? Value.Of(JsonValue.Create(index)) : Missing(substituteMissing);
            case PathStart.Root:
                current = scope.Root;
                break;
            default:
                current = scope.Data;
                break;
        }

        foreach (var segment in _segments)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(segment, out current))
            {
                return Missing(substituteMissing);
            }
        }

        return Value.Of(current);
    }

    private Value Missing(bool substitute) =>
        substitute ? Value.Of(JsonValue.Create("${" + _source + "}")) : Value.Undefined;
}

internal sealed class NotExpression(Expression operand) : Expression
{
    public override Value Evaluate(in EvaluationScope scope, bool substituteMissing) =>
        Value.Of(!Semantics.IsTruthy(operand.Evaluate(scope, substituteMissing)));
}

internal sealed class LogicalExpression(Expression left, Expression right, bool isAnd) : Expression
{
    public override Value Evaluate(in EvaluationScope scope, bool substituteMissing)
    {
        var l = Semantics.IsTruthy(left.Evaluate(scope, substituteMissing));
        if (isAnd ? !l : l)
        {
            return Value.Of(l);
        }

        return Value.Of(Semantics.IsTruthy(right.Evaluate(scope, substituteMissing)));
    }
}

internal sealed class EqualityExpression(Expression left, Expression right, bool negate) : Expression
{
    public override Value Evaluate(in EvaluationScope scope, bool substituteMissing) =>
        Value.Of(Semantics.AreEqual(left.Evaluate(scope, substituteMissing), right.Evaluate(scope, substituteMissing)) != negate);
}

internal sealed class ComparisonExpression(Expression left, Expression right, string op) : Expression
{
    public override Value Evaluate(in EvaluationScope scope, bool substituteMissing)
    {
        var l = Semantics.AsNumber(left.Evaluate(scope, substituteMissing), op);
        var r = Semantics.AsNumber(right.Evaluate(scope, substituteMissing), op);
        return Value.Of(op switch
        {
            "<" => l < r,
            "<=" => l <= r,
            ">" => l > r,
            _ => l >= r,
        });
    }
}

/// <summary><c>count(x)</c> (items of an array or characters of a string) and <c>length(x)</c> (characters of a string).</summary>
internal sealed class CountExpression(Expression operand, bool stringsOnly) : Expression
{
    public override Value Evaluate(in EvaluationScope scope, bool substituteMissing)
    {
        var value = operand.Evaluate(scope, substituteMissing);
        return value.Node switch
        {
            JsonArray array when !stringsOnly => Value.Of(JsonValue.Create(array.Count)),
            JsonValue v when v.TryGetValue<string>(out var s) => Value.Of(JsonValue.Create(s.Length)),
            _ => throw new ExpressionEvaluationException(stringsOnly ? "length() needs a string." : "count() needs an array or a string."),
        };
    }
}
