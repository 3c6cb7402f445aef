using OracleBot.Answers.Composition;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Text;

namespace OracleBot.Tests.Answers.Evidence;

public sealed class MarkdownPassageTests : IDisposable
{
    private readonly TempDirectory _temp = new();


    private KnowledgeStore Store(string text) => KnowledgeStore.Load(TestDocuments.WriteSeeds(_temp.Path, EvidenceSeedLines.Summary(text)));

    [Fact]
    public void Headings_split_passages_and_each_passage_knows_its_heading_path()
    {
        var store = Store("""
            ## General Information

            Pancreatic tumours are rare. They grow slowly.

            ## Treatment Option Overview

            ### Localized Disease

            Surgery is the treatment of choice for localized disease.

            ### Surgical Cytoreduction for Metastases

            Resection of liver metastases can be associated with long-term survival.

            #### Ablation

            Radiofrequency ablation has also been used.

            ## Prognosis

            Most patients live for years.
            """);

        Assert.Equal(
            [
                ["General Information"],
                ["Treatment Option Overview", "Localized Disease"],
                ["Treatment Option Overview", "Surgical Cytoreduction for Metastases"],
                ["Treatment Option Overview", "Surgical Cytoreduction for Metastases", "Ablation"],
                ["Prognosis"],
            ],
            store.Passages.Select(p => p.HeadingPath.ToArray()));
        Assert.All(store.Passages, p => Assert.DoesNotContain("#", p.Text, StringComparison.Ordinal));
        Assert.Equal("Surgical Cytoreduction for Metastases", store.Passages[2].Heading);

        var numbering = new CitationNumbering();
        numbering.NumberFor(store.Passages[2]);
        Assert.Equal("Treatment Option Overview \u203A Surgical Cytoreduction for Metastases", numbering.Citations[0].Section);
    }

    [Fact]
    public void Wrapped_lines_join_into_sentences_and_markup_is_not_quoted()
    {
        var store = Store("""
            ## Overview

            Green tea is made from the leaves of *Camellia sinensis*, and **some** studies suggest
            a protective effect against prostate cancer. See the [trial search](https://example.org/trials) for more.
            - A list item that wraps
              onto a second line.
            - Another item.

            | Stage | Definition |
            |---|---|
            | T1 | Tumour limited to the pancreas. |
            """);

        var sentences = store.Passages.SelectMany(p => p.Sentences.Select(s => s.Slice(p.Document.Body))).ToList();
        Assert.Equal(
            [
                "Green tea is made from the leaves of Camellia sinensis, and some studies suggest a protective effect against prostate cancer.",
                "See the trial search for more.",
                "- A list item that wraps onto a second line.",
                "- Another item.",
            ],
            sentences);
    }

    [Fact]
    public void Boilerplate_sections_are_not_passages()
    {
        var store = Store("""
            ## Treatment of Insulinoma

            Surgery cures most insulinomas.

            ### Current Clinical Trials

            Use our advanced clinical trial search to find NCI-supported cancer clinical trials.

            ## Latest Updates to This Summary (05/09/2025)

            Editorial changes were made to this summary.
            """);

        var passage = Assert.Single(store.Passages);
        Assert.Equal("Surgery cures most insulinomas.", passage.Text);
    }

    [Fact]
    public void A_markdown_line_that_ends_in_a_question_mark_is_not_a_heading()
    {
        var store = Store("## Screening\n\nShould all adults be screened?\nThe evidence is insufficient to say.\n");

        var passage = Assert.Single(store.Passages);
        Assert.Equal(["Screening"], passage.HeadingPath);
        Assert.Equal(2, passage.Sentences.Count);
    }

    [Theory]
    [InlineData("## Heading ##", 2, "Heading")]
    [InlineData("#### Fluorouracil dosing", 4, "Fluorouracil dosing")]
    [InlineData("#hashtag", 0, "")]
    [InlineData("####### Too deep", 0, "")]
    public void Heading_lines_are_recognised_by_level(string line, int level, string text) =>
        Assert.Equal((level, text), MarkdownText.Heading(line));

    public void Dispose() => _temp.Dispose();
}
