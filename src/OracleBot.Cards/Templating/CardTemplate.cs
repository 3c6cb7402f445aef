using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OracleBot.Cards.Templating.Expressions;

namespace OracleBot.Cards.Templating;

/// <summary>
/// An Adaptive Card template compiled once and bound many times. Supports the subset of the
/// adaptivecards-templating language our templates use and produces the same JSON as that library
/// for them; anything outside the subset fails in <see cref="Compile(string, string)"/>.
/// </summary>
public sealed class CardTemplate
{
    // One buffer and writer per thread, reused by every binding on it: a card's bytes are copied out once.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly TemplateNode _root;

    private CardTemplate(string name, TemplateNode root)
    {
        Name = name;
        _root = root;
    }

    /// <summary>The template's name, e.g. <c>answer</c>.</summary>
    public string Name { get; }

    /// <summary>Compiles template JSON text; throws <see cref="TemplateException"/> on anything unsupported.</summary>
    public static CardTemplate Compile(string name, string json)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new TemplateException($"Template '{name}' is not valid JSON: {ex.Message}");
        }

        return Compile(name, parsed);
    }

    /// <summary>Compiles a template held as JSON nodes (which are not modified).</summary>
    public static CardTemplate Compile(string name, JsonNode? template)
    {
        try
        {
            return new CardTemplate(name, TemplateCompiler.Compile(template));
        }
        catch (TemplateException ex)
        {
            throw new TemplateException($"Template '{name}': {ex.Message}");
        }
    }

    /// <summary>Expands the template over <paramref name="data"/> (which becomes <c>$root</c>); the result is a fresh tree.</summary>
    public JsonNode? Bind(JsonNode? data)
    {
        try
        {
            return _root.Bind(EvaluationScope.ForRoot(data));
        }
        catch (ExpressionEvaluationException ex)
        {
            throw new InvalidOperationException($"Template '{Name}' could not be bound: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Expands the template over <paramref name="data"/> as UTF-8 JSON, the same JSON as serialising what
    /// <see cref="Bind"/> returns, without building the tree.
    /// </summary>
    public byte[] BindUtf8(JsonNode? data)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        try
        {
            _root.WriteValue(writer, EvaluationScope.ForRoot(data));
            writer.Flush();
        }
        catch (ExpressionEvaluationException ex)
        {
            throw new InvalidOperationException($"Template '{Name}' could not be bound: {ex.Message}", ex);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Binds a template whose root is an object (every card).</summary>
    public JsonObject BindObject(JsonNode? data) =>
        Bind(data) as JsonObject ?? throw new InvalidOperationException($"Template '{Name}' did not produce an object.");
}
