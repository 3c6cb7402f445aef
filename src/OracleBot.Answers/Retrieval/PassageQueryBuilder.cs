using Lucene.Net.Analysis;
using OracleBot.Answers.Indexing;

namespace OracleBot.Answers.Retrieval;

/// <summary>
/// Turns user text into weighted index terms without a query parser: the text is analysed into terms, so
/// operators, quotes, wildcards and brackets in the question are just characters and can never make a
/// search fail.
/// </summary>
internal static class PassageQueryBuilder
{
    public const int MaxTerms = 64;
    private const int MaxInputChars = 4000;

    public static List<QueryTerm> Terms(Analyzer analyzer, ImpactIndex index, RetrievalQuery query)
    {
        var terms = new List<QueryTerm>();
        Add(query.Question, 1f);
        if (!string.IsNullOrWhiteSpace(query.Context))
        {
            Add(query.Context, query.ContextWeight);
        }

        return terms;

        void Add(string text, float weight)
        {
            var input = text.Length > MaxInputChars ? text[..MaxInputChars] : text;
            var concepts = terms.Count == 0 ? 0 : terms.Max(t => t.Concept) + 1;
            foreach (var (term, concept, synonym) in MedicalTextAnalyzer.TermsWithConcepts(analyzer, input, MaxTerms))
            {
                if (terms.Count < MaxTerms && !terms.Exists(t => t.Text == term))
                {
                    terms.Add(new QueryTerm(term, weight, index.TextIdf(term)) { Concept = concepts + concept, Synonym = synonym });
                }
            }
        }
    }
}
