using OracleBot.Answers.Indexing;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Collects the quotable sentences of the retrieved passages and scores each by how much of the question
/// (idf-weighted) it covers. Sentences are taken verbatim; only a leading section label is dropped.
/// </summary>
internal sealed class CandidateExtractor(PassageTerms passageTerms)
{
    private const int PassagesPerDocument = 2;
    private const int MinWords = 6;
    private const double HeadingShare = 0.6;
    private const int MaxWords = 80;
    private const double ConclusionBonus = 0.1;
    private const double RankBonus = 0.05;

    // Among sentences that cover the question equally, one under a section heading that asks the question
    // ("What are the symptoms of adult ALL?") answers it; one under "Treatment options" only mentions it.
    private const double HeadingBonus = 0.15;

    public List<SentenceCandidate> Extract(IReadOnlyList<QueryTerm> terms, IReadOnlyList<RetrievedDocument> documents)
    {
        var weights = terms.ToDictionary(t => t.Text, t => (double)t.Weight * Math.Max(t.Idf, 0.01), StringComparer.Ordinal);
        var total = weights.Values.Sum();
        var candidates = new List<SentenceCandidate>();
        if (total <= 0)
        {
            return candidates;
        }

        for (var rank = 0; rank < documents.Count; rank++)
        {
            var document = documents[rank];
            foreach (var retrieved in document.Passages.Take(PassagesPerDocument).Concat(HeadedPassages(document, weights)))
            {
                var passage = retrieved.Passage;
                // A sentence under "What are the symptoms of X?" answers that question even when it says
                // "ALL" instead of X, so the heading's words count towards its coverage at a discount.
                var analysed = passageTerms.For(passage);
                var headingTerms = analysed.HeadingTerms;
                var headingCoverage = Covered(weights, headingTerms) / total;
                foreach (var sentence in analysed.Sentences)
                {
                    var text = sentence.Text;
                    if (text is null)
                    {
                        continue;
                    }

                    var words = Passage.CountWords(text);
                    if (words < MinWords || words > MaxWords || !ReadsAsStatement(text))
                    {
                        continue;
                    }

                    var sentenceTerms = sentence.Terms;
                    var covered = 0.0;
                    foreach (var (term, weight) in weights)
                    {
                        if (Array.IndexOf(sentenceTerms, term) >= 0)
                        {
                            covered += weight;
                        }
                        else if (Array.IndexOf(headingTerms, term) >= 0)
                        {
                            covered += weight * HeadingShare;
                        }
                    }

                    var coverage = covered / total;
                    var inConclusion = passage.Document.ConclusionStart is { } start && sentence.Range.Start >= start;
                    var score = coverage
                        + (inConclusion ? ConclusionBonus : 0)
                        + (HeadingBonus * headingCoverage)
                        + (RankBonus * (documents.Count - rank) / documents.Count);
                    candidates.Add(new SentenceCandidate(document, rank, passage, text, sentenceTerms, coverage, score));
                }
            }
        }

        return candidates;
    }

    // A long reference page's section whose heading asks the question may rank below its other passages
    // (which repeat the topic's name more often); it is considered too.
    private IEnumerable<RetrievedPassage> HeadedPassages(RetrievedDocument document, Dictionary<string, double> weights)
    {
        var best = document.Passages.Take(PassagesPerDocument).Select(p => p.Passage).ToHashSet();
        var total = weights.Values.Sum();
        return document.Passages.Skip(PassagesPerDocument)
            .Where(p => p.Passage.Heading is not null && !best.Contains(p.Passage))
            .Where(p => Covered(weights, passageTerms.For(p.Passage).HeadingTerms) >= 0.8 * total)
            .Take(1);
    }

    // The summed weight of the question's terms found among `terms`.
    private static double Covered(Dictionary<string, double> weights, string[] terms)
    {
        var covered = 0.0;
        foreach (var (term, weight) in weights)
        {
            if (Array.IndexOf(terms, term) >= 0)
            {
                covered += weight;
            }
        }

        return covered;
    }

    // Reference pages carry navigation ("See the PDQ summary on …") and title lists that quote badly.
    internal static bool ReadsAsStatement(string text)
    {
        if (text.StartsWith("See ", StringComparison.Ordinal) || text.StartsWith("(See ", StringComparison.Ordinal)
            || text.StartsWith("This summary", StringComparison.Ordinal) || text.StartsWith("For more information", StringComparison.Ordinal)
            || text.Contains("PDQ summar", StringComparison.Ordinal))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var capitalised = words.Count(w => char.IsUpper(w[0]));
        return capitalised * 10 < words.Length * 6;
    }

    /// <summary>How much of the question the passage covers (its heading included), 0..1.</summary>
    public double PassageCoverage(IReadOnlyList<QueryTerm> terms, Passage passage, IEnumerable<SentenceCandidate> ofPassage)
    {
        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in ofPassage)
        {
            union.UnionWith(candidate.Terms);
        }

        union.UnionWith(passageTerms.For(passage).HeadingTerms);

        double covered = 0, total = 0;
        foreach (var term in terms)
        {
            var weight = term.Weight * Math.Max(term.Idf, 0.01);
            total += weight;
            if (union.Contains(term.Text))
            {
                covered += weight;
            }
        }

        return total > 0 ? covered / total : 0;
    }
}
