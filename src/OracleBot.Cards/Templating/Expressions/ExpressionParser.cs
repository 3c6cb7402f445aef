using System.Globalization;
using System.Text.Json.Nodes;

namespace OracleBot.Cards.Templating.Expressions;

/// <summary>
/// Parses the subset of Adaptive Expressions the card templates use: paths, string/number/boolean/null
/// literals, <c>!</c>, <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, parentheses, <c>count()</c> and <c>length()</c>. Anything else is a <see cref="TemplateException"/>.
/// Precedence follows Adaptive Expressions: equality binds tighter than ordering, which binds tighter than
/// <c>&amp;&amp;</c>, then <c>||</c>.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    public static Expression Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expression = parser.ParseOr();
        parser.SkipSpace();
        if (parser._pos != text.Length)
        {
            throw parser.Error("unexpected text");
        }

        return expression;
    }

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
        {
            left = new LogicalExpression(left, ParseAnd(), isAnd: false);
        }

        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseComparison();
        while (Accept("&&"))
        {
            left = new LogicalExpression(left, ParseComparison(), isAnd: true);
        }

        return left;
    }

    private Expression ParseComparison()
    {
        var left = ParseEquality();
        while (true)
        {
            var op = Accept("<=") ? "<=" : Accept(">=") ? ">=" : Accept("<") ? "<" : Accept(">") ? ">" : null;
            if (op is null)
            {
                return left;
            }

            left = new ComparisonExpression(left, ParseEquality(), op);
        }
    }

    private Expression ParseEquality()
    {
        var left = ParseUnary();
        while (true)
        {
            bool negate;
            if (Accept("=="))
            {
                negate = false;
            }
            else if (Accept("!="))
            {
                negate = true;
            }
            else
            {
                return left;
            }

            left = new EqualityExpression(left, ParseUnary(), negate);
        }
    }

    private Expression ParseUnary()
    {
        SkipSpace();
        if (Peek() == '!' && PeekAt(1) != '=')
        {
            _pos++;
            return new NotExpression(ParseUnary());
        }

        return ParsePrimary();
    }

    private Expression ParsePrimary()
    {
        SkipSpace();
        var c = Peek();
        if (c == '(')
        {
            _pos++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }

        if (c is '\'' or '"')
        {
            return new LiteralExpression(JsonValue.Create(ReadString(c)));
        }

        if (char.IsAsciiDigit(c))
        {
            return new LiteralExpression(ReadNumber());
        }

        if (IsIdentifierStart(c))
        {
            return ParseIdentifierExpression();
        }

        throw Error(_pos >= _text.Length ? "expression ends early" : $"unsupported character '{c}'");
    }

    private Expression ParseIdentifierExpression()
    {
        var start = _pos;
        var identifiers = new List<string> { ReadIdentifier() };
        SkipSpace();
        if (Peek() == '(')
        {
            return ParseCall(identifiers[0]);
        }

        switch (identifiers[0])
        {
            case "true":
                return new LiteralExpression(JsonValue.Create(true));
            case "false":
                return new LiteralExpression(JsonValue.Create(false));
            case "null":
                return new LiteralExpression(null);
        }

        while (Peek() == '.')
        {
            _pos++;
            if (!IsIdentifierStart(Peek()))
            {
                throw Error("a member name must follow '.'");
            }

            identifiers.Add(ReadIdentifier());
        }

        if (Peek() == '[')
        {
            throw Error("indexers are not supported");
        }

        return new PathExpression(_text[start.._pos].Trim(), identifiers);
    }

    private Expression ParseCall(string name)
    {
        _pos++; // '('
        var argument = ParseOr();
        SkipSpace();
        if (Peek() == ',')
        {
            throw Error($"{name}() takes one argument");
        }

        Expect(')');
        return name switch
        {
            "count" => new CountExpression(argument, stringsOnly: false),
            "length" => new CountExpression(argument, stringsOnly: true),
            _ => throw Error($"unknown function '{name}'"),
        };
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        _pos++;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private string ReadString(char quote)
    {
        var start = ++_pos;
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            if (_text[_pos] == '\\')
            {
                throw Error("escapes in string literals are not supported");
            }

            _pos++;
        }

        if (_pos >= _text.Length)
        {
            throw Error("unterminated string literal");
        }

        return _text[start.._pos++];
    }

    private JsonValue ReadNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        var token = _text[start.._pos];
        return token.Contains('.', StringComparison.Ordinal)
            ? JsonValue.Create(double.Parse(token, CultureInfo.InvariantCulture))
            : JsonValue.Create(long.Parse(token, CultureInfo.InvariantCulture));
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0)
        {
            return false;
        }

        _pos += token.Length;
        return true;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _pos++;
    }

    private char Peek() => PeekAt(0);

    private char PeekAt(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private TemplateException Error(string what) => new($"Unsupported expression '${{{_text}}}': {what} at position {_pos}.");
}
