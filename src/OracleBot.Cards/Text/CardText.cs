using System.Buffers;
using System.Text;

namespace OracleBot.Cards.Text;

/// <summary>
/// Makes untrusted text (questions, source titles, statements) safe to show in an Adaptive Card
/// TextBlock, which renders a markdown subset. The rules, chosen so the text stays readable:
/// <list type="bullet">
/// <item>Line breaks, tabs and other control characters become single spaces, so no later
/// character can start a heading, list or quote; runs of spaces collapse.</item>
/// <item>Characters that open inline markdown anywhere (<c>\ * _ ` ~ [ ] &lt; &gt; |</c>) get a
/// backslash, the CommonMark escape, so they show literally. With <c>[</c> and <c>&lt;</c> escaped
/// no link or autolink can form, and <c>!</c>, <c>(</c>, <c>)</c> lose their meaning.</item>
/// <item>At the very start, a character that would open a block (<c># + - = &gt;</c>, or the
/// <c>.</c>/<c>)</c> after leading digits) gets a backslash too.</item>
/// <item>Renderers that link bare URLs or parse Teams mentions without markdown rules are defeated
/// by a zero-width space (U+200B, invisible) after every <c>&lt;</c>, inside <c>://</c> and after
/// <c>www</c> — so <c>&lt;at&gt;</c> never reaches Teams as a mention tag and
/// <c>http://x</c> is shown but not linked.</item>
/// </list>
/// Text is also shortened to a maximum length (with an ellipsis) to bound card size.
/// </summary>
public static class CardText
{
    private const char ZeroWidthSpace = '\u200B';

    private static readonly SearchValues<char> InlineSpecials = SearchValues.Create("\\*_`~[]<>|");

    /// <summary>Escapes <paramref name="text"/> for a markdown TextBlock, keeping at most <paramref name="maxLength"/> source characters.</summary>
    public static string Markdown(string? text, int maxLength = int.MaxValue)
    {
        var plain = Plain(text, maxLength);
        if (plain.Length == 0 || IsInert(plain))
        {
            return plain;
        }

        var builder = new StringBuilder(plain.Length + 16);
        var blockPrefixEnd = BlockMarkerIndex(plain);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (i == blockPrefixEnd || c is '\\' or '*' or '_' or '`' or '~' or '[' or ']' or '<' or '>' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c);
            if (c == '<')
            {
                builder.Append(ZeroWidthSpace);
            }
            else if (c == ':' && string.CompareOrdinal(plain, i + 1, "//", 0, 2) == 0)
            {
                builder.Append(ZeroWidthSpace);
            }
            else if ((c is 'w' or 'W') && i >= 2 && i + 1 < plain.Length && plain[i + 1] == '.'
                && string.Compare(plain, i - 2, "www", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
            {
                builder.Append(ZeroWidthSpace);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Single-line plain text: control characters and line breaks become spaces, spaces collapse,
    /// ends are trimmed, and text over <paramref name="maxLength"/> is cut at a word with an ellipsis.
    /// For places that do not render markdown (button titles) and as the first step of <see cref="Markdown"/>.
    /// </summary>
    public static string Plain(string? text, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsSingleLine(text))
        {
            return Shorten(text, maxLength);
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength == int.MaxValue ? text.Length : maxLength + 1));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return Shorten(builder.ToString(), maxLength);
    }

    /// <summary>Text for the card's <c>speak</c> property (SSML-capable): plain, with XML specials escaped.</summary>
    public static string Speech(string? text, int maxLength = int.MaxValue) =>
        Plain(text, maxLength).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = Math.Max(0, maxLength - 1);
        var lastSpace = text.LastIndexOf(' ', cut);
        if (lastSpace > cut / 2)
        {
            cut = lastSpace;
        }

        // Never split a surrogate pair.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    /// <summary>True when the text has no markdown-significant character, so escaping would not change it.</summary>
    private static bool IsInert(string text) =>
        text.AsSpan().IndexOfAny(InlineSpecials) < 0
        && BlockMarkerIndex(text) < 0
        && !text.Contains("://", StringComparison.Ordinal)
        && !text.Contains("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <see cref="Plain"/> would not change the text apart from shortening it.</summary>
    private static bool IsSingleLine(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            var space = c == ' ';
            if ((space && previousSpace) || (!space && (char.IsWhiteSpace(c) || char.IsControl(c))))
            {
                return false;
            }

            previousSpace = space;
        }

        return true;
    }

    /// <summary>Index of the character that would open a markdown block at the start of the text, or -1.</summary>
    private static int BlockMarkerIndex(string text)
    {
        if (text[0] is '#' or '+' or '-' or '=' or '>')
        {
            return 0;
        }

        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > 0 && i < text.Length && text[i] is '.' or ')' ? i : -1;
    }
}
