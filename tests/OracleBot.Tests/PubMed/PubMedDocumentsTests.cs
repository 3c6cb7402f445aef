using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.PubMed;

namespace OracleBot.Tests.PubMed;

public sealed class PubMedDocumentsTests
{
    private static PubMedRecord Record(int? year, params string[] types) => new(
        "12345678",
        "A placeholder title",
        [new AbstractSection("RESULTS", "Placeholder results text for the test."), new AbstractSection("CONCLUSIONS", "Placeholder conclusion text.")],
        "Test Journal of Placeholders",
        year,
        types,
        ["Humans"],
        null);

    [Theory]
    [InlineData(new[] { "Journal Article", "Randomized Controlled Trial" }, "Randomized controlled trial, 2019")]
    [InlineData(new[] { "Review", "Systematic Review", "Meta-Analysis" }, "Meta-analysis, 2019")]
    [InlineData(new[] { "Journal Article", "Review", "Systematic Review" }, "Systematic review, 2019")]
    [InlineData(new[] { "Guideline", "Practice Guideline" }, "Practice guideline, 2019")]
    public void The_citation_of_a_record_carries_its_design_and_year_as_its_evidence_label(string[] types, string expected)
    {
        var document = PubMedDocuments.ToDocument(Record(2019, types));
        var numbering = new CitationNumbering();

        numbering.NumberFor(KnowledgeStore.Create([document]).Passages[0]);

        var citation = Assert.Single(numbering.Citations);
        Assert.Equal(expected, citation.Evidence);
        Assert.Equal("Test Journal of Placeholders · PubMed", citation.Source);
        Assert.DoesNotContain(expected.Split(',')[0], citation.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_a_year_shows_its_design_alone_and_a_plain_article_no_label()
    {
        Assert.Equal("Randomized controlled trial", EvidenceLabels.For(PubMedDocuments.ToDocument(Record(null, "Randomized Controlled Trial"))));
        Assert.Null(EvidenceLabels.For(PubMedDocuments.ToDocument(Record(2019, "Journal Article"))));
        Assert.Equal(DocumentKind.Guideline, PubMedDocuments.ToDocument(Record(2019, "Practice Guideline")).Kind);
    }
}
