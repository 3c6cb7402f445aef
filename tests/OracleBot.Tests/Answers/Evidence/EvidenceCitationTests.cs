using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Tests.Answers.Evidence;

public sealed class EvidenceCitationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private KnowledgeStore Store(params string[] lines) => KnowledgeStore.Load(TestDocuments.WriteSeeds(_temp.Path, lines));

    private static string SentenceOf(Passage passage, string startsWith) =>
        passage.Sentences.Select(s => s.Slice(passage.Document.Body)).First(s => s.StartsWith(startsWith, StringComparison.Ordinal));

    [Theory]
    [InlineData("A", "USPSTF grade A: recommended; the net benefit is substantial and certain")]
    [InlineData("B", "USPSTF grade B: recommended; the net benefit is moderate")]
    [InlineData("D", "USPSTF grade D: recommended against; no net benefit, or harms outweigh benefits")]
    [InlineData("I", "USPSTF grade I: the evidence is too thin to weigh benefits against harms")]
    public void A_USPSTF_citation_carries_the_grade_and_its_meaning(string grade, string expected)
    {
        var store = Store(EvidenceSeedLines.Uspstf(grade));
        var numbering = new CitationNumbering();

        numbering.NumberFor(store.Passages[0]);

        Assert.Equal(expected, Assert.Single(numbering.Citations).Evidence);
    }

    [Fact]
    public void A_CDC_citation_carries_category_and_evidence_type()
    {
        var store = Store(EvidenceSeedLines.Cdc());
        var numbering = new CitationNumbering();

        numbering.NumberFor(store.Passages[0]);

        var citation = Assert.Single(numbering.Citations);
        Assert.Equal("CDC category B (an individual decision), evidence type 3 of 4 (1 strongest)", citation.Evidence);
        Assert.Equal(2022, citation.Year);
        Assert.Null(citation.Updated);
    }

    [Fact]
    public void A_summary_citation_names_the_level_of_each_quoted_statement_and_the_last_update()
    {
        var store = Store(EvidenceSeedLines.Summary("Surgery is the main treatment.[Level of evidence C1] Other options exist. Liver resection may prolong survival.[Level of evidence: 3iiiA]"));
        var passage = store.Passages[0];
        var numbering = new CitationNumbering();

        var first = numbering.NumberFor(passage, SentenceOf(passage, "Surgery"));
        Assert.Equal("Level of evidence C1", numbering.Citations[0].Evidence);
        Assert.Equal(first, numbering.NumberFor(passage, SentenceOf(passage, "Other options")));
        Assert.Equal("Level of evidence C1", numbering.Citations[0].Evidence);
        numbering.NumberFor(passage, SentenceOf(passage, "Liver resection"));

        var citation = Assert.Single(numbering.Citations);
        Assert.Equal("Level of evidence C1; 3iiiA", citation.Evidence);
        Assert.Equal(new DateOnly(2025, 5, 12), citation.Updated);
        Assert.DoesNotContain("Level of evidence", citation.Excerpt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_statement_the_source_does_not_rate_gets_no_level()
    {
        var store = Store(EvidenceSeedLines.Summary("Surgery is the main treatment.[Level of evidence C1] Other options exist for some patients."));
        var passage = store.Passages[0];
        var numbering = new CitationNumbering();

        numbering.NumberFor(passage, SentenceOf(passage, "Other options"));

        Assert.Null(Assert.Single(numbering.Citations).Evidence);
    }

    [Theory]
    [InlineData(Audiences.Physician, new[] { DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research, DocumentKind.Reference })]
    [InlineData(Audiences.Nurse, new[] { DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research, DocumentKind.Reference })]
    [InlineData(Audiences.Pharmacist, new[] { DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research, DocumentKind.Reference })]
    [InlineData(Audiences.Patient, new[] { DocumentKind.Reference, DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research })]
    [InlineData(Audiences.Student, new[] { DocumentKind.Reference, DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research })]
    public void Sections_follow_the_readers_order_and_cover_every_kind(string audience, DocumentKind[] expected)
    {
        Assert.Equal(expected, ExtractiveComposer.SectionOrderFor(Audiences.Parse(audience)));
        Assert.Equal(Enum.GetValues<DocumentKind>().Order(), ExtractiveComposer.SectionOrderFor(Audiences.Parse(audience)).Order());
    }


    public void Dispose() => _temp.Dispose();
}
