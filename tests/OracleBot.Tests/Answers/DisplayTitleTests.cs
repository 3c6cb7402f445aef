using OracleBot.Answers.Knowledge;

namespace OracleBot.Tests.Answers;

public sealed class DisplayTitleTests
{
    [Fact]
    public void PubMedQA_placeholder_becomes_pmid_year_and_first_words()
    {
        var title = DisplayTitles.For("pmid:21645374", "PubMed article PMID 21645374", 2011,
            "Background: Programmed cell death (PCD) is the regulated death of cells within an organism. The lace plant");

        Assert.Equal("PMID 21645374 (2011): Programmed cell death (PCD) is the regulated death of cells\u2026", title);
    }

    [Fact]
    public void Missing_year_is_left_out()
    {
        Assert.Equal("PMID 5: Short abstract.", DisplayTitles.For("pmid:5", "PubMed article PMID 5", null, "Short abstract."));
    }

    [Fact]
    public void Real_titles_are_kept()
    {
        Assert.Equal("Statins and dementia.", DisplayTitles.For("123", "Statins and dementia.", null, "Text."));
    }

    [Fact]
    public void Seed_records_map_kind_and_keep_citation_metadata()
    {
        var document = TestDocuments.Document("g:1", "Guideline text.", OracleBot.Answers.Contract.DocumentKind.Guideline, "A guideline");

        Assert.Equal(OracleBot.Answers.Contract.DocumentKind.Guideline, document.Kind);
        Assert.Equal("https://example.org/g:1", document.Url);
        Assert.Equal("CC BY 4.0", document.License);
        Assert.Equal(2020, document.Year);
    }
}
