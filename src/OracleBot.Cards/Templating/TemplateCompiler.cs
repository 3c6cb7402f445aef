using System.Text.Json;
using System.Text.Json.Nodes;
using OracleBot.Cards.Templating.Expressions;

namespace OracleBot.Cards.Templating;

/// <summary>Turns template JSON into a tree of <see cref="TemplateNode"/>s, rejecting what the binder cannot do.</summary>
internal static class TemplateCompiler
{
    public static TemplateNode Compile(JsonNode? template, string path = "$")
    {
        try
        {
            return template switch
            {
                JsonObject obj => CompileObject(obj, path),
                JsonArray array => new ArrayNode([.. array.Select((item, i) => Compile(item, $"{path}[{i}]"))]),
                JsonValue value when value.GetValueKind() == JsonValueKind.String => CompileString(value.GetValue<string>()),
                _ => new ConstantNode(template?.DeepClone()),
            };
        }
        catch (TemplateException ex) when (!ex.Message.StartsWith("At ", StringComparison.Ordinal))
        {
            throw new TemplateException($"At {path}: {ex.Message}");
        }
    }

    private static ObjectNode CompileObject(JsonObject obj, string path)
    {
        Expression? data = null;
        Expression? when = null;
        var properties = new List<KeyValuePair<string, TemplateNode>>(obj.Count);
        foreach (var (name, value) in obj)
        {
            switch (name)
            {
                case "$data":
                    data = CompileDirective(name, value);
                    break;
                case "$when":
                    when = CompileDirective(name, value);
                    break;
                case "$schema":
                    // Tooling hint for editors; the reference library passes it through untouched.
                    properties.Add(new(name, new ConstantNode(value?.DeepClone())));
                    break;
                case var other when other.StartsWith('$'):
                    throw new TemplateException($"Unsupported template property '{other}'.");
                default:
                    properties.Add(new(name, Compile(value, $"{path}.{name}")));
                    break;
            }
        }

        return new ObjectNode([.. properties], data, when);
    }

    /// <summary><c>$data</c> and <c>$when</c> must be one whole expression: anything else is a template bug.</summary>
    private static Expression CompileDirective(string name, JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && CompileString(v.GetValue<string>()) is WholeExpressionNode whole)
        {
            return whole.Expression;
        }

        throw new TemplateException($"'{name}' must be a single '${{…}}' expression.");
    }

    private static TemplateNode CompileString(string text)
    {
        var start = text.IndexOf("${", StringComparison.Ordinal);
        if (start < 0)
        {
            return new ConstantNode(JsonValue.Create(text));
        }

        // The reference library parses the whole string as a template literal, where a backtick breaks it.
        if (text.Contains('`', StringComparison.Ordinal))
        {
            throw new TemplateException($"A backtick cannot appear in a templated string: '{text}'.");
        }

        var parts = new List<object>();
        var pos = 0;
        while (start >= 0)
        {
            if (start > pos)
            {
                parts.Add(text[pos..start]);
            }

            var end = FindClosingBrace(text, start + 2);
            parts.Add(ExpressionParser.Parse(text[(start + 2)..end]));
            pos = end + 1;
            start = text.IndexOf("${", pos, StringComparison.Ordinal);
        }

        if (pos < text.Length)
        {
            parts.Add(text[pos..]);
        }

        return parts is [Expression single] ? new WholeExpressionNode(single) : new InterpolatedStringNode([.. parts]);
    }

    private static int FindClosingBrace(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '}')
            {
                return i;
            }
        }

        throw new TemplateException($"Unterminated '${{' in '{text}'.");
    }
}
