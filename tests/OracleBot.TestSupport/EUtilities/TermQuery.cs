namespace OracleBot.TestSupport.EUtilities;

/// <summary>
/// The part of PubMed's search syntax the stand-in understands: words and "quoted phrases" with field tags
/// ([tiab], [ti], [tw], [mh], [pt], [dp] with a year or a year:year range; untagged = title, abstract and MeSH),
/// a trailing * for truncation, parentheses, and AND / OR / NOT applied from left to right as PubMed applies them.
/// Adjacent terms without an operator are ANDed.
/// </summary>
public sealed class TermQuery
{
    private readonly Func<Indexed, bool> _match;

    private TermQuery(Func<Indexed, bool> match) => _match = match;

    /// <summary>Field tags seen in the term, lower case (tests check what the client sent).</summary>
    public IReadOnlySet<string> Tags { get; private init; } = new HashSet<string>();

    public static TermQuery Parse(string term)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var tokens = Tokenize(term, tags);
        var position = 0;
        var match = Expression(tokens, ref position);
        if (position != tokens.Count)
        {
            throw new FormatException("Unbalanced parentheses in term.");
        }

        return new TermQuery(match) { Tags = tags };
    }

    public bool Matches(Indexed record) => _match(record);

    /// <summary>How often the term's words occur in the title and abstract (the stand-in's relevance).</summary>
    public static int Relevance(Indexed record, string term) =>
        Tokenize(term, new HashSet<string>()).Where(t => t.Kind == TokenKind.Term && t.Tag is null or "tiab" or "ti" or "tw")
            .Sum(t => Occurrences(record.Text, t.Text.ToLowerInvariant()));

    /// <summary>A record with its searchable text prepared once.</summary>
    /// <param name="searchedTypes">The publication types a search sees, when they differ from the record's.</param>
    public sealed class Indexed(TestRecord record, IReadOnlyList<string>? searchedTypes = null)
    {
        public TestRecord Record { get; } = record;

        public IReadOnlyList<string> SearchedTypes { get; } = searchedTypes ?? record.PublicationTypes;

        public string Text { get; } = " " + (record.Title + " " + record.AbstractText).ToLowerInvariant() + " ";

        public string TitleText { get; } = " " + record.Title.ToLowerInvariant() + " ";
    }

    private enum TokenKind
    {
        Term,
        And,
        Or,
        Not,
        Open,
        Close,
    }

    private sealed record Token(TokenKind Kind, string Text = "", string? Tag = null);

    private static Func<Indexed, bool> Expression(List<Token> tokens, ref int position)
    {
        var left = Operand(tokens, ref position);
        while (position < tokens.Count && tokens[position].Kind != TokenKind.Close)
        {
            var op = tokens[position].Kind is TokenKind.And or TokenKind.Or or TokenKind.Not ? tokens[position++].Kind : TokenKind.And;
            var right = Operand(tokens, ref position);
            var l = left;
            left = op switch
            {
                TokenKind.Or => r => l(r) || right(r),
                TokenKind.Not => r => l(r) && !right(r),
                _ => r => l(r) && right(r),
            };
        }

        return left;
    }

    private static Func<Indexed, bool> Operand(List<Token> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException("The term ends where a search term was expected.");
        }

        var token = tokens[position++];
        if (token.Kind == TokenKind.Open)
        {
            var inner = Expression(tokens, ref position);
            if (position >= tokens.Count || tokens[position++].Kind != TokenKind.Close)
            {
                throw new FormatException("Unbalanced parentheses in term.");
            }

            return inner;
        }

        if (token.Kind != TokenKind.Term)
        {
            throw new FormatException($"Unexpected {token.Kind} in term.");
        }

        return Leaf(token);
    }

    private static Func<Indexed, bool> Leaf(Token token)
    {
        var text = token.Text.ToLowerInvariant();
        switch (token.Tag)
        {
            case "mh" or "mesh" or "majr":
                return r => r.Record.Meshes.Any(m => m.Equals(text, StringComparison.OrdinalIgnoreCase));
            case "pt":
                return r => r.SearchedTypes.Any(t => t.Equals(text, StringComparison.OrdinalIgnoreCase));
            case "dp":
                var range = text.Split(':');
                var from = int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
                var to = range.Length > 1 ? int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture) : from;
                return r => r.Record.Year is { } y && y >= from && y <= to;
            case "ti":
                return r => Occurrences(r.TitleText, text) > 0;
            case "tiab" or "tw":
                return r => Occurrences(r.Text, text) > 0;
            default:
                return r => Occurrences(r.Text, text) > 0 || r.Record.Meshes.Any(m => m.Equals(text, StringComparison.OrdinalIgnoreCase));
        }
    }

    // Whole words (or a prefix, with a trailing *), so "men" does not match "treatment".
    private static int Occurrences(string text, string word)
    {
        var prefix = word.EndsWith('*');
        var needle = prefix ? word[..^1] : word;
        if (needle.Length == 0)
        {
            return 0;
        }

        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + needle.Length;
            var after = prefix || end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                count++;
            }
        }

        return count;
    }

    private static List<Token> Tokenize(string term, HashSet<string> tags)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < term.Length)
        {
            var c = term[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close));
                i++;
                continue;
            }

            string text;
            if (c == '"')
            {
                var end = term.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new FormatException("Unclosed quote in term.");
                }

                text = term[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < term.Length && !char.IsWhiteSpace(term[i]) && term[i] is not ('(' or ')' or '[' or '"'))
                {
                    i++;
                }

                text = term[start..i];
                if (text is "AND" or "OR" or "NOT")
                {
                    tokens.Add(new Token(text == "AND" ? TokenKind.And : text == "OR" ? TokenKind.Or : TokenKind.Not));
                    continue;
                }
            }

            string? tag = null;
            if (i < term.Length && term[i] == '[')
            {
                var close = term.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException("Unclosed field tag in term.");
                }

                tag = term[(i + 1)..close].Trim().ToLowerInvariant();
                tags.Add(tag);
                i = close + 1;
            }

            tokens.Add(new Token(TokenKind.Term, text, tag));
        }

        return tokens;
    }
}
