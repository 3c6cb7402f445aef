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

    /// <summary>
    /// The covered share (0..1) of <paramref name="terms"/> for which <paramref name="present"/> holds. A concept
    /// counts once, however many names the vocabulary gives it: it weighs as the heavier of its names (the
    /// question's own words, or the other names the vocabulary added), and is covered by whichever of the two
    /// names it best ("pulmonary" alone is under half of "pulmonary embolism"; "pancreatic neuroendocrine
    /// tumors" all of "PNET").
    /// </summary>
    public static double Of(IReadOnlyList<QueryTerm> terms, Func<string, bool> present)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(present);
        double covered = 0, total = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var concept = terms[i].Concept;
            if (concept >= 0 && IndexOfConcept(terms, concept) < i)
            {
                continue; // counted with the concept's first term
            }

            double own = 0, ownFound = 0, added = 0, addedFound = 0;
            for (var j = i; j < terms.Count; j++)
            {
                if (j != i && (concept < 0 || terms[j].Concept != concept))
                {
                    continue;
                }

                var weight = Weight(terms[j]);
                var isPresent = present(terms[j].Text);
                if (terms[j].Synonym)
                {
                    added += weight;
                    addedFound += isPresent ? weight : 0;
                }
                else
                {
                    own += weight;
                    ownFound += isPresent ? weight : 0;
                }
            }

            var heavier = Math.Max(own, added);
            total += heavier;
            covered += heavier * Math.Max(Share(ownFound, own), Share(addedFound, added));
        }

        return total > 0 ? covered / total : 0;
    }

    private static double Share(double found, double all) => all > 0 ? found / all : 0;

    private static int IndexOfConcept(IReadOnlyList<QueryTerm> terms, int concept)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Concept == concept)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Like <see cref="Of(IReadOnlyList{QueryTerm}, Func{string, bool})"/> for terms found in any of a few small term arrays.</summary>
    public static double Of(IReadOnlyList<QueryTerm> terms, params string[][] texts) =>
        Of(terms, term => Array.Exists(texts, t => Array.IndexOf(t, term) >= 0));
}
