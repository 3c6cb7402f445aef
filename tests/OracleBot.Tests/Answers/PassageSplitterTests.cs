using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Text;

namespace OracleBot.Tests.Answers;

public sealed class PassageSplitterTests
{
    private static string Sentences(int count, string topic) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"Sentence {i} about {topic} has exactly ten words in it."));

    [Fact]
    public void Long_sections_split_on_sentence_boundaries_within_word_limits()
    {
        var text = $"What is (are) Foo ?\n{Sentences(60, "foo")}\nWhat are the treatments for Foo ?\n{Sentences(8, "treatment")}";
        var document = TestDocuments.Document("ref:foo", text);

        var passages = PassageSplitter.Split(document);

        Assert.True(passages.Count >= 5);
        Assert.Equal(Enumerable.Range(1, passages.Count).Select(n => $"ref:foo#p{n}"), passages.Select(p => p.Id));
        Assert.All(passages, p => Assert.InRange(p.WordCount, 20, PassageSplitter.MaxWords + 50));
        Assert.All(passages, p => Assert.Contains(p.Text[^1], ".?"));
        Assert.All(passages.Where(p => p.Heading == "What is Foo?"), p => Assert.DoesNotContain("treatment", p.Text, StringComparison.Ordinal));
        Assert.Contains(passages, p => p.Heading == "What are the treatments for Foo?" && p.Text.StartsWith("What are the treatments", StringComparison.Ordinal));
        // Passages tile the sections in order without overlapping.
        for (var i = 1; i < passages.Count; i++)
        {
            Assert.True(passages[i].Range.Start >= passages[i - 1].Range.End);
        }
    }

    [Fact]
    public void Short_abstract_is_one_passage_and_includes_the_conclusion()
    {
        var document = TestDocuments.Document("pmid:9", "Background: A small study. Results: It worked.", title: "PubMed article PMID 9", conclusion: "The treatment works.");

        var passage = Assert.Single(PassageSplitter.Split(document));

        Assert.Equal("pmid:9#p1", passage.Id);
        Assert.EndsWith("The treatment works.", passage.Text, StringComparison.Ordinal);
        Assert.Null(passage.Heading);
    }

    [Theory]
    [InlineData("What is (are) Hairy Cell Leukemia ?", "What is Hairy Cell Leukemia?")]
    [InlineData("Who is at risk for Childhood Rhabdomyosarcoma? ?", "Who is at risk for Childhood Rhabdomyosarcoma?")]
    [InlineData("what research (or clinical trials) is being done for Dysautonomia ?", "What research (or clinical trials) is being done for Dysautonomia?")]
    public void Question_lines_are_tidied_for_display(string line, string expected)
    {
        Assert.Equal(expected, PassageSplitter.NormaliseQuestion(line));
    }
}
