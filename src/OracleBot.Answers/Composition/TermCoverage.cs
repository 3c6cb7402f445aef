using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Idf-weighted term coverage, the one measure behind relevance, answerability and lexical support: the
/// share of the query's weight (its term weight times idf) found among a text's analysed terms. Rare terms
/// (a drug, a tumour) weigh most; terms in nearly every passage weigh the floor, so a text is never
/// relevant for sharing only "patients" or "disease".
/// </summary>
internal static class TermCoverage
{
    /// <summary>The least weight a term carries, whatever its idf.</summary>
    public const double IdfFloor = 0.1;

    public static double Weight(float queryWeight, float idf) => queryWeight * Math.Max(idf, IdfFloor);

    public static double Weight(QueryTerm term) => Weight(term.Weight, term.Idf);

    /// <summary>The covered share (0..1) of <paramref name="terms"/> for which <paramref name="present"/> holds.</summary>
    public static double Of(IReadOnlyList<QueryTerm> terms, Func<string, bool> present)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(present);
        double covered = 0, total = 0;
        foreach (var term in terms)
        {
            var weight = Weight(term);
            total += weight;
            if (present(term.Text))
            {
                covered += weight;
            }
        }

        return total > 0 ? covered / total : 0;
    }

    /// <summary>Like <see cref="Of(IReadOnlyList{QueryTerm}, Func{string, bool})"/> for terms found in any of a few small term arrays.</summary>
    public static double Of(IReadOnlyList<QueryTerm> terms, params string[][] texts) =>
        Of(terms, term => Array.Exists(texts, t => Array.IndexOf(t, term) >= 0));
}
