using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using OracleBot.Answers.Composition;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Writing;

/// <summary>
/// How well a passage supports a statement, by its words: the idf-weighted share of the statement's
/// analysed terms that occur in the passage, and whether every number in the statement occurs there.
/// </summary>
/// <remarks>
/// The threshold, 0.7, is measured on the seed knowledge base by <c>LexicalSupportTests</c>: a sentence
/// quoted from a passage scores 1.0 against it; against the best passage of another document that
/// retrieval finds for that very sentence (the hardest realistic case: same topic, same vocabulary) the
/// median is 0.50, and 27% reach 0.7 (37% reach 0.6) — many of those are sibling reference pages that do
/// state the same fact in other words. The words that make a claim (drug, outcome, population) are its rare,
/// heavily weighted terms, so a statement that adds a claim falls below 0.7 while one that keeps the
/// passage's wording (the model is told to) stays above. Numbers are checked apart because "reduced by
/// 40%" and "reduced by 14%" share every word. Lexical support cannot tell negation or paraphrase apart;
/// it is a floor, not proof of support.
/// </remarks>
internal sealed partial class LexicalSupport(Analyzer analyzer, Func<string, float> idf)
{
    public const double Threshold = 0.7;

    public double Score(string statement, string passage)
    {
        var terms = MedicalTextAnalyzer.Terms(analyzer, statement);
        if (terms.Count == 0)
        {
            return 0;
        }

        var available = MedicalTextAnalyzer.Terms(analyzer, passage).ToHashSet(StringComparer.Ordinal);
        return TermCoverage.Of([.. terms.Select(t => new QueryTerm(t, 1f, idf(t)))], available.Contains);
    }

    public bool NumbersAppear(string statement, string passage)
    {
        foreach (Match number in Number().Matches(statement))
        {
            if (!passage.Contains(number.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public bool Supports(string statement, string passage) =>
        NumbersAppear(statement, passage) && Score(statement, passage) >= Threshold;

    [GeneratedRegex(@"\d+(?:[.,]\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
