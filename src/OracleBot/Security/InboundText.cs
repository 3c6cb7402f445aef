namespace OracleBot.Security;

/// <summary>
/// Removes control and format characters from message text before anything reads it: they carry no
/// clinical meaning, can hide text from a reader (bidi overrides, zero-width runs) and upset downstream tools.
/// </summary>
internal static class InboundText
{
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text) || !NeedsCleaning(text))
        {
            return text;
        }

        return string.Create(text.Length - CountRemoved(text), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (Keep(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (!Keep(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountRemoved(string text)
    {
        var removed = 0;
        foreach (var c in text)
        {
            if (!Keep(c))
            {
                removed++;
            }
        }

        return removed;
    }

    // Tabs and line breaks are layout; other C0/C1 controls, bidi overrides and lone surrogates are not text.
    private static bool Keep(char c) => c switch
    {
        '\t' or '\n' or '\r' => true,
        < ' ' or (>= '\u007f' and <= '\u009f') => false,
        (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200b' or '\ufeff' => false,
        _ => true,
    };
}
