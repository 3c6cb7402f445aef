using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Tests.Answers.Evidence;

public sealed class EvidenceSeedTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private Dictionary<string, KnowledgeDocument> Read(params string[] lines) =>
        SeedReader.Read(TestDocuments.WriteSeeds(_temp.Path, lines)).ToDictionary(d => d.Id);

    [Fact]
    public void A_USPSTF_record_keeps_its_grade_and_no_category()
    {
        var document = Read(EvidenceSeedLines.Uspstf("B"))["uspstf:statin-use#1"];

        Assert.Equal((DocumentKind.Guideline, "B", null, null, null), (document.Kind, document.Grade, document.Category, document.EvidenceType, document.Updated));
        Assert.Equal(2022, document.Year);
    }

    [Fact]
    public void A_CDC_record_keeps_category_and_evidence_type_and_cites_the_recommendation_anchor()
    {
        var document = Read(EvidenceSeedLines.Cdc())["cdc:opioids-2022#rec01"];

        Assert.Equal((DocumentKind.Guideline, (string?)null, "B", "3"), (document.Kind, document.Grade, document.Category, document.EvidenceType));
        Assert.Equal("https://example.org/cdc#Recommendation1", document.Url);
    }

    [Fact]
    public void A_PDQ_record_is_an_evidence_summary_with_its_last_update()
    {
        var document = Read(EvidenceSeedLines.Pdq())["pdq:pnet-treatment-pdq"];

        Assert.Equal(DocumentKind.Summary, document.Kind);
        Assert.Equal(new DateOnly(2025, 5, 12), document.Updated);
        Assert.Null(document.Grade);
    }

    [Fact]
    public void Level_of_evidence_tags_leave_the_text_and_stay_as_marks()
    {
        var document = Read(EvidenceSeedLines.Pdq())["pdq:pnet-treatment-pdq"];

        Assert.DoesNotContain("Level of evidence", document.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("localized tumours. Other options exist.", document.Body, StringComparison.Ordinal);
        // Markdown joins the wrapped line to its paragraph.
        Assert.Contains("may prolong survival. The DRI is short and valid.", document.Body, StringComparison.Ordinal);
        Assert.Equal(["C1", "3iiiA", "II"], document.EvidenceMarks.Select(m => m.Level));
        Assert.Equal(document.Body.IndexOf("tumours.", StringComparison.Ordinal) + "tumours.".Length, document.EvidenceMarks[0].Offset);
    }

    [Theory]
    [InlineData("Unclosed tag.[Level of evidence B1\n- Next item.", "Unclosed tag.\n- Next item.", "B1")]
    [InlineData("Based on it.[Level of evidence B1 based on PFS, as noted above] Then.", "Based on it. Then.", "B1")]
    [InlineData("[Level of evidence A1] Leading tag.", "Leading tag.", "A1")]
    [InlineData("End of life,[Level of evidence: II] report better.", "End of life, report better.", "II")]
    public void Tag_variants_of_the_source_are_all_stripped(string text, string expected, string level)
    {
        var (stripped, marks) = EvidenceTags.Strip(text);

        Assert.Equal(expected, stripped);
        Assert.Equal(level, Assert.Single(marks).Level);
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("May 2025")]
    public void A_malformed_update_date_names_the_file_line_and_value(string updated)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(EvidenceSeedLines.Uspstf(), EvidenceSeedLines.Pdq(updated)));

        Assert.Contains("corpus.jsonl:2", error.Message, StringComparison.Ordinal);
        Assert.Contains(updated, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_lists_the_four_kinds()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(TestDocuments.Line("x:1", "X", "Some text.", kind: "protocol")));

        Assert.Contains("guideline, summary, research or reference", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
