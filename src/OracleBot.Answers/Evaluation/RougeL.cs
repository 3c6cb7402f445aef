namespace OracleBot.Answers.Evaluation;

/// <summary>
/// ROUGE-L: the F1 of the longest common subsequence of words (lower-cased letters and digits), as in
/// Lin (2004) with β = 1. Word order matters, stemming and stop words do not enter.
/// </summary>
public static class RougeL
{
    public static double F1(string candidate, string reference)
    {
        var a = Words(candidate);
        var b = Words(reference);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var lcs = LongestCommonSubsequence(a, b);
        if (lcs == 0)
        {
            return 0;
        }

        var precision = (double)lcs / a.Length;
        var recall = (double)lcs / b.Length;
        return 2 * precision * recall / (precision + recall);
    }

    internal static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]))
            .Where(w => w.Length > 0)
            .ToArray();

    // Two rows of the dynamic programme: answers and conclusions are a few dozen words.
    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var word in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = string.Equals(word, b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
