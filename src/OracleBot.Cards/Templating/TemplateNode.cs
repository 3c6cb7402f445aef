using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OracleBot.Cards.Templating.Expressions;

namespace OracleBot.Cards.Templating;

/// <summary>
/// One compiled piece of a template. <see cref="Bind"/> returns the expanded JSON, or null when the
/// piece expands to nothing (the reference library drops such items from arrays and writes null
/// for such properties), or a <see cref="JsonArray"/> of repeated copies for a <c>$data</c> array.
/// The <c>Write</c> methods produce the same JSON as serialising what <see cref="Bind"/> returns, straight
/// into a writer: a card on its way to the wire needs no tree of its own.
/// </summary>
internal abstract class TemplateNode
{
    public abstract JsonNode? Bind(in EvaluationScope scope);

    /// <summary>Writes the expansion as a property value or the root: JSON null when it expands to nothing.</summary>
    public abstract void WriteValue(Utf8JsonWriter writer, in EvaluationScope scope);

    /// <summary>Writes the expansion as items of an enclosing array: nothing for nothing, an array's elements spliced in.</summary>
    public abstract void WriteItems(Utf8JsonWriter writer, in EvaluationScope scope);

    protected static void WriteNodeValue(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    protected static void WriteNodeItems(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WriteNodeValue(writer, item);
                }

                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}

/// <summary>A value with no expression in it: copied as is, or written from the bytes serialised when compiled.</summary>
internal sealed class ConstantNode : TemplateNode
{
    private readonly JsonNode? _value;
    private readonly byte[]? _json;
    private readonly byte[]?[]? _items;

    public ConstantNode(JsonNode? value)
    {
        _value = value;
        _json = value is null ? null : JsonSerializer.SerializeToUtf8Bytes(value, TemplateJson.NodeTypeInfo);
        _items = value is JsonArray array
            ? [.. array.Select(item => item is null ? null : JsonSerializer.SerializeToUtf8Bytes(item, TemplateJson.NodeTypeInfo))]
            : null;
    }

    public override JsonNode? Bind(in EvaluationScope scope) => _value?.DeepClone();

    public override void WriteValue(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        if (_json is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(_json, skipInputValidation: true);
        }
    }

    public override void WriteItems(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        if (_items is not null)
        {
            foreach (var item in _items)
            {
                if (item is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteRawValue(item, skipInputValidation: true);
                }
            }
        }
        else if (_json is not null)
        {
            writer.WriteRawValue(_json, skipInputValidation: true);
        }
    }
}

/// <summary>A string that is one whole <c>${…}</c>: keeps the type of what it evaluates to.</summary>
internal sealed class WholeExpressionNode(Expression expression) : TemplateNode
{
    public Expression Expression => expression;

    public override JsonNode? Bind(in EvaluationScope scope) =>
        expression.Evaluate(scope, substituteMissing: true).Node?.DeepClone();

    public override void WriteValue(Utf8JsonWriter writer, in EvaluationScope scope) =>
        WriteNodeValue(writer, expression.Evaluate(scope, substituteMissing: true).Node);

    public override void WriteItems(Utf8JsonWriter writer, in EvaluationScope scope) =>
        WriteNodeItems(writer, expression.Evaluate(scope, substituteMissing: true).Node);
}

/// <summary>A string mixing text and expressions: always produces text.</summary>
internal sealed class InterpolatedStringNode(object[] parts) : TemplateNode
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    public override JsonNode? Bind(in EvaluationScope scope) => JsonValue.Create(Interpolate(scope).ToString());

    public override void WriteValue(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        var builder = Interpolate(scope);
        var chars = ArrayPool<char>.Shared.Rent(builder.Length);
        try
        {
            builder.CopyTo(0, chars, builder.Length);
            writer.WriteStringValue(chars.AsSpan(0, builder.Length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public override void WriteItems(Utf8JsonWriter writer, in EvaluationScope scope) => WriteValue(writer, scope);

    // Each part is either literal text (string) or an Expression.
    private StringBuilder Interpolate(in EvaluationScope scope)
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

        return builder;
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

    public override void WriteValue(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        writer.WriteStartArray();
        WriteItems(writer, scope);
        writer.WriteEndArray();
    }

    // An array inside an array is spliced in, as Bind does.
    public override void WriteItems(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        foreach (var item in items)
        {
            item.WriteItems(writer, scope);
        }
    }
}

/// <summary>An object, optionally repeated over <c>$data</c> and filtered by <c>$when</c>.</summary>
internal sealed class ObjectNode(
    KeyValuePair<string, TemplateNode>[] properties,
    Expression? data,
    Expression? when) : TemplateNode
{
    private readonly JsonEncodedText[] _names = [.. properties.Select(p => JsonEncodedText.Encode(p.Key))];

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

    public override void WriteValue(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        if (data is null)
        {
            WriteOneOrNull(writer, scope);
            return;
        }

        var context = data.Evaluate(scope, substituteMissing: true).Node;
        if (context is not JsonArray array)
        {
            WriteOneOrNull(writer, scope with { Data = context });
            return;
        }

        // As Bind: nothing is null, one copy is that object, more are an array of them.
        var first = NextIncluded(scope, array, 0);
        if (first < 0)
        {
            writer.WriteNullValue();
            return;
        }

        var second = NextIncluded(scope, array, first + 1);
        if (second < 0)
        {
            Write(writer, new EvaluationScope(scope.Root, array[first], first));
            return;
        }

        writer.WriteStartArray();
        Write(writer, new EvaluationScope(scope.Root, array[first], first));
        for (var i = second; i >= 0; i = NextIncluded(scope, array, i + 1))
        {
            Write(writer, new EvaluationScope(scope.Root, array[i], i));
        }

        writer.WriteEndArray();
    }

    public override void WriteItems(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        if (data is null)
        {
            if (Include(scope))
            {
                Write(writer, scope);
            }

            return;
        }

        var context = data.Evaluate(scope, substituteMissing: true).Node;
        if (context is not JsonArray array)
        {
            var inner = scope with { Data = context };
            if (Include(inner))
            {
                Write(writer, inner);
            }

            return;
        }

        for (var i = NextIncluded(scope, array, 0); i >= 0; i = NextIncluded(scope, array, i + 1))
        {
            Write(writer, new EvaluationScope(scope.Root, array[i], i));
        }
    }

    private void WriteOneOrNull(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        if (Include(scope))
        {
            Write(writer, scope);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>The first index from <paramref name="from"/> whose copy <c>$when</c> keeps, or -1.</summary>
    private int NextIncluded(in EvaluationScope scope, JsonArray array, int from)
    {
        for (var i = from; i < array.Count; i++)
        {
            if (Include(new EvaluationScope(scope.Root, array[i], i)))
            {
                return i;
            }
        }

        return -1;
    }

    private void Write(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        writer.WriteStartObject();
        for (var i = 0; i < properties.Length; i++)
        {
            writer.WritePropertyName(_names[i]);
            properties[i].Value.WriteValue(writer, scope);
        }

        writer.WriteEndObject();
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
