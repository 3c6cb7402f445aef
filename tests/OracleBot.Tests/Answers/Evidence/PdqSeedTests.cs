using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Tests.Answers.Evidence;

/// <summary>The committed guideline and evidence-summary seeds, read as the bot reads them.</summary>
public sealed class PdqSeedTests
{
    private static readonly Lazy<KnowledgeStore> Pdq = new(() => KnowledgeStore.Load(Path.Combine(RealSeedsFixture.FindUp("seeds", "nci-pdq"), "nci-pdq")));

    [Fact]
    public void No_level_of_evidence_tag_is_left_in_any_summary_text()
    {
        var store = Pdq.Value;

        Assert.Equal(249, store.DocumentCount);
        Assert.All(store.Documents, d => Assert.DoesNotContain("[Level of evidence", d.Body, StringComparison.OrdinalIgnoreCase));
        Assert.True(store.Documents.Sum(d => d.EvidenceMarks.Count) > 3_000, "the summaries carry about 3,500 levels of evidence");
        Assert.All(store.Documents, d => Assert.Equal(DocumentKind.Summary, d.Kind));
    }

    [Fact]
    public void Every_summary_passage_has_a_heading_path_and_no_markup()
    {
        var store = Pdq.Value;

        Assert.All(store.Passages, p => Assert.NotEmpty(p.HeadingPath));
        Assert.DoesNotContain(store.Passages, p => p.Text.Contains("**", StringComparison.Ordinal) || p.Text.Contains("\n|", StringComparison.Ordinal));
        Assert.DoesNotContain(store.Passages, p => p.HeadingPath.Contains("Current Clinical Trials"));
    }

    [Fact]
    public void The_PNET_liver_metastases_passage_cites_its_section_and_level_of_evidence()
    {
        var store = Pdq.Value;
        var passage = store.PassagesOf("pdq:pnet-treatment-pdq")
            .Single(p => p.Text.Contains("The evidence for resection of all grossly visible liver metastases", StringComparison.Ordinal));
        var quoted = passage.Sentences.Select(s => s.Slice(passage.Document.Body))
            .Single(s => s.StartsWith("The evidence for resection of all grossly visible liver metastases", StringComparison.Ordinal));

        var numbering = new CitationNumbering();
        numbering.NumberFor(passage, quoted);

        var citation = Assert.Single(numbering.Citations);
        Assert.Equal("Treatment Option Overview for Pancreatic Neuroendocrine Tumors (Islet Cell Tumors) \u203A Surgical Cytoreduction for Metastases", citation.Section);
        Assert.Equal("Level of evidence C2", citation.Evidence);
        Assert.NotNull(citation.Updated);
        Assert.EndsWith("case series.", quoted, StringComparison.Ordinal);
    }
}
