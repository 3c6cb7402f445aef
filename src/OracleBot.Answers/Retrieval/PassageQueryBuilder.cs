using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using OracleBot.Answers.Indexing;

namespace OracleBot.Answers.Retrieval;

/// <summary>
/// Turns user text into a Lucene query without a query parser: the text is analysed into terms and each
/// term becomes plain term queries, so operators, quotes, wildcards and brackets in the question are just
/// characters and can never make a search fail.
/// </summary>
internal static class PassageQueryBuilder
{
    // BooleanQuery allows 1024 clauses; four fields per term keeps well inside that.
    public const int MaxTerms = 64;
    private const int MaxInputChars = 4000;
    private const float Tie = 0.1f;
    private const float TitleBoost = 1.2f;
    private const float HeadingBoost = 1.0f;
    private const float KeywordBoost = 0.7f;

    public static List<QueryTerm> Terms(Analyzer analyzer, IndexReader reader, RetrievalQuery query)
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
            foreach (var term in MedicalTextAnalyzer.Terms(analyzer, input, MaxTerms))
            {
                if (terms.Count < MaxTerms && !terms.Exists(t => t.Text == term))
                {
                    terms.Add(new QueryTerm(term, weight, Idf(reader, term)));
                }
            }
        }
    }

    public static Query? Build(IReadOnlyList<QueryTerm> terms)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            // Per term, the best-matching field counts (plus a little of the others), so documents without
            // a title or MeSH terms (PubMedQA) are not outranked merely for having more fields.
            var fields = new DisjunctionMaxQuery(Tie)
            {
                Clause(IndexFields.Text, term.Text, term.Weight),
                Clause(IndexFields.Title, term.Text, term.Weight * TitleBoost),
                Clause(IndexFields.Heading, term.Text, term.Weight * HeadingBoost),
                Clause(IndexFields.Keywords, term.Text, term.Weight * KeywordBoost),
            };
            query.Add(fields, Occur.SHOULD);
        }

        return query;
    }

    private static TermQuery Clause(string field, string text, float boost) =>
        new(new Term(field, text)) { Boost = boost };

    // BM25's idf over passages, used by the composer to weigh sentence overlap with the question.
    private static float Idf(IndexReader reader, string term)
    {
        var df = reader.DocFreq(new Term(IndexFields.Text, term));
        var n = reader.NumDocs;
        return (float)Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
    }
}
