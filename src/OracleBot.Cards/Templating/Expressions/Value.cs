using System.Text.Json.Nodes;

namespace OracleBot.Cards.Templating.Expressions;

/// <summary>
/// The result of evaluating an expression. JSON null and "undefined" (a path that does not exist)
/// are distinct because the reference templating library treats them differently.
/// </summary>
internal readonly struct Value
{
    private Value(bool defined, JsonNode? node)
    {
        IsDefined = defined;
        Node = node;
    }

    public static Value Undefined => default;

    public static Value Null { get; } = new(true, null);

    public static Value True { get; } = new(true, JsonValue.Create(true));

    public static Value False { get; } = new(true, JsonValue.Create(false));

    public bool IsDefined { get; }

    /// <summary>The value; null for JSON null and for undefined. Owned by the data or by a literal: clone before inserting.</summary>
    public JsonNode? Node { get; }

    public bool IsNullOrUndefined => Node is null;

    public static Value Of(JsonNode? node) => new(true, node);

    public static Value Of(bool value) => value ? True : False;
}
