namespace OracleBot.Answers.Text;

/// <summary>
/// Splits English biomedical prose into sentences. A period ends a sentence only when it is followed by
/// white space and a plausible sentence start, and is not the dot of an abbreviation ("e.g.", "vs.",
/// "et al.", "Fig. 1"), an initial ("A. madagascariensis") or a decimal ("2.5 mg"). Line breaks always
/// end a sentence because the seed texts put headings and abstract sections on their own lines.
/// </summary>
public static class SentenceSplitter
{
    // Without the trailing dot. Checked against the word that precedes a period followed by a capital.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "vs", "cf", "al", "approx", "ca", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr",
        "inc", "ltd", "co", "dept", "univ", "u.s", "u.k", "e.u", "sp", "spp", "subsp", "var", "b.i.d",
        "t.i.d", "q.i.d", "q.d", "p.o", "i.v", "i.m", "s.c",
    };

    // Abbreviations that only ever precede a number ("Fig. 1", "No. 5"); elsewhere the dot ends a sentence.
    private static readonly HashSet<string> NumberAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "fig", "figs", "eq", "eqs", "ref", "refs", "vol", "p", "pp", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>Sentences of <paramref name="text"/>, trimmed of surrounding white space.</summary>
    public static List<TextRange> Split(string text) => Split(text, new TextRange(0, text.Length));

    /// <summary>Sentences within <paramref name="range"/> of <paramref name="text"/>.</summary>
    public static List<TextRange> Split(string text, TextRange range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<TextRange>();
        var start = range.Start;
        var end = range.End;
        for (var i = range.Start; i < end; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(text, start, i, sentences);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            // Swallow repeated terminators and closing quotes or brackets: `end.")` belongs to this sentence.
            var close = i + 1;
            while (close < end && text[close] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
            {
                close++;
            }

            if (close < end && !char.IsWhiteSpace(text[close]))
            {
                continue; // "2.5", "e.g.," or a URL: not a boundary.
            }

            if (c == '.' && IsAbbreviationOrInitial(text, start, i, NextIsDigit(text, close, end)))
            {
                continue;
            }

            if (!StartsSentence(text, close, end))
            {
                continue;
            }

            Add(text, start, close, sentences);
            start = close;
            i = close - 1;
        }

        Add(text, start, end, sentences);
        return sentences;
    }

    private static bool StartsSentence(string text, int from, int end)
    {
        var j = from;
        while (j < end && text[j] is ' ' or '\t')
        {
            j++;
        }

        if (j >= end || text[j] is '\n' or '\r')
        {
            return true;
        }

        var next = text[j];
        return char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\'' or '(' or '[' or '-' or '\u2022' or '\u201C';
    }

    private static bool NextIsDigit(string text, int from, int end)
    {
        var j = from;
        while (j < end && text[j] is ' ' or '\t')
        {
            j++;
        }

        return j < end && char.IsDigit(text[j]);
    }

    private static bool IsAbbreviationOrInitial(string text, int sentenceStart, int dot, bool beforeNumber)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '['))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital letter is an initial or a species abbreviation ("A. madagascariensis").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
            || (beforeNumber && NumberAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));
    }

    private static void Add(string text, int start, int end, List<TextRange> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new TextRange(start, end - start));
        }
    }
}
