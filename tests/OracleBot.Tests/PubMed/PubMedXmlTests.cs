using System.Text;
using OracleBot.Answers.PubMed;

namespace OracleBot.Tests.PubMed;

public sealed class PubMedXmlTests
{
    // The shape of an efetch record (PubMed DTD element names); the text is a placeholder, not a real article.
    private const string Article = """
        <?xml version="1.0" ?>
        <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
        <PubmedArticleSet>
          <PubmedArticle>
            <MedlineCitation Status="MEDLINE" Owner="NLM">
              <PMID Version="1">12345678</PMID>
              <Article PubModel="Print-Electronic">
                <Journal>
                  <JournalIssue CitedMedium="Internet"><PubDate><MedlineDate>2019 Dec-2020 Jan</MedlineDate></PubDate></JournalIssue>
                  <Title>Test Journal of Placeholders</Title>
                  <ISOAbbreviation>Test J Placeh</ISOAbbreviation>
                </Journal>
                <ArticleTitle>A placeholder title with <i>inline</i> markup.</ArticleTitle>
                <ELocationID EIdType="doi" ValidYN="Y">10.0000/placeholder.1</ELocationID>
                <Abstract>
                  <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">First   section
                    text.</AbstractText>
                  <AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">Second section text.</AbstractText>
                  <AbstractText NlmCategory="UNASSIGNED">Unlabelled text.</AbstractText>
                </Abstract>
                <PublicationTypeList>
                  <PublicationType UI="D016428">Journal Article</PublicationType>
                  <PublicationType UI="D016449">Randomized Controlled Trial</PublicationType>
                </PublicationTypeList>
              </Article>
              <MeshHeadingList>
                <MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>
                <MeshHeading><DescriptorName UI="D001249" MajorTopicYN="Y">Asthma</DescriptorName><QualifierName>drug therapy</QualifierName></MeshHeading>
              </MeshHeadingList>
            </MedlineCitation>
            <PubmedData><ArticleIdList><ArticleId IdType="pubmed">12345678</ArticleId><ArticleId IdType="doi">10.0000/placeholder.2</ArticleId></ArticleIdList></PubmedData>
          </PubmedArticle>
          <PubmedArticle><MedlineCitation><PMID>not-a-number</PMID><Article /></MedlineCitation></PubmedArticle>
        </PubmedArticleSet>
        """;

    [Fact]
    public void Reads_every_field_an_answer_cites()
    {
        var record = Assert.Single(Parse(Article));
        Assert.Equal("12345678", record.Pmid);
        Assert.Equal("A placeholder title with inline markup.", record.Title);
        Assert.Equal("Test Journal of Placeholders", record.Journal);
        Assert.Equal(2019, record.Year);
        Assert.Equal("10.0000/placeholder.2", record.Doi);
        Assert.Equal(["Journal Article", "Randomized Controlled Trial"], record.PublicationTypes);
        Assert.Equal(["Humans", "Asthma"], record.Meshes);
        Assert.Equal([new AbstractSection("BACKGROUND", "First section text."), new AbstractSection("CONCLUSIONS", "Second section text."), new AbstractSection(null, "Unlabelled text.")], record.Sections);
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/12345678/", record.Url);
        Assert.False(record.IsRetracted);
    }

    [Fact]
    public void A_retracted_publication_is_recognised()
    {
        var xml = Article.Replace("<PublicationType UI=\"D016449\">Randomized Controlled Trial</PublicationType>", "<PublicationType UI=\"D016441\">Retracted Publication</PublicationType>", StringComparison.Ordinal);
        Assert.True(Assert.Single(Parse(xml)).IsRetracted);
    }

    [Theory]
    [InlineData("<PubmedArticleSet><PubmedArticle>")]
    [InlineData("<eSearchResult><Count>0</Count></eSearchResult>")]
    [InlineData("not xml at all")]
    public void Malformed_or_unexpected_xml_is_a_format_error(string xml) =>
        Assert.Throws<FormatException>(() => Parse(xml));

    [Fact]
    public void An_entity_declared_in_the_document_is_never_expanded()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE PubmedArticleSet [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
            <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&leak;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
            """;
        var thrown = Record.Exception(() => Parse(xml));
        if (thrown is null)
        {
            Assert.DoesNotContain("root", Assert.Single(Parse(xml)).Title, StringComparison.Ordinal);
        }
        else
        {
            Assert.IsType<FormatException>(thrown);
        }
    }

    [Fact]
    public void Esearch_json_gives_the_id_list_and_reported_errors_fail()
    {
        Assert.Equal(["3", "1"], ESearchJson.Parse("""{"header":{},"esearchresult":{"count":"2","idlist":["3","1","x1"]}}"""u8));
        Assert.Empty(ESearchJson.Parse("""{"esearchresult":{"count":"0","idlist":[]}}"""u8));
        Assert.Throws<FormatException>(() => ESearchJson.Parse("""{"esearchresult":{"ERROR":"Invalid query"}}"""u8));
        Assert.Throws<FormatException>(() => ESearchJson.Parse("""{"error":"API rate limit exceeded"}"""u8));
        Assert.Throws<FormatException>(() => ESearchJson.Parse("""{"esearchresult":"""u8));
    }

    private static IReadOnlyList<PubMedRecord> Parse(string xml) => PubMedXml.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
}
