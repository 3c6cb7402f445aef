using OracleBot.Answers.Composition;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers;

/// <summary>
/// A concept counts once in the share of a question a text names, however many names the vocabulary gives
/// it: "atrial fibrillation" is not three quarters of a question about amiodarone's loading dose in it.
/// </summary>
public sealed class TermCoverageTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = MedicalTextAnalyzer.Create();

    // Every term weighs the same here, so the shares below follow from the concepts alone.
    private static List<QueryTerm> Question(string text) =>
        [.. MedicalTextAnalyzer.TermsWithConcepts(Analyzer, text).Select(t => new QueryTerm(t.Term, 1f, 1f) { Concept = t.Concept, Synonym = t.Synonym })];

    private static double Share(string question, string text)
    {
        var named = MedicalTextAnalyzer.Terms(Analyzer, text);
        return TermCoverage.Of(Question(question), named.Contains);
    }

    [Fact]
    public void A_concept_named_by_its_abbreviation_counts_once() =>
        Assert.Equal(0.5, Share("amiodarone loading atrial fibrillation", "Medicines prescribed to treat your AF."), 3);

    [Theory]
    [InlineData("PE")]
    [InlineData("pulmonary embolism")]
    public void Either_name_of_a_concept_covers_it_whole(string text) =>
        Assert.Equal(1.0, Share("pulmonary embolism", text), 3);

    [Fact]
    public void Part_of_a_concepts_name_covers_part_of_it() =>
        Assert.InRange(Share("pulmonary embolism", "pulmonary hypertension"), 0.4, 0.6);

    [Fact]
    public void Terms_without_a_concept_count_one_each() =>
        Assert.Equal(0.5, TermCoverage.Of([new QueryTerm("gout", 1f, 1f), new QueryTerm("colchicin", 1f, 1f)], t => t == "gout"), 3);
}
