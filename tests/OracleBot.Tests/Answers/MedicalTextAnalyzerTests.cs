using OracleBot.Answers.Indexing;

namespace OracleBot.Tests.Answers;

/// <summary>The index's analyzer lets a question's words meet a page's: spellings, abbreviations, populations, letter-named conditions.</summary>
public sealed class MedicalTextAnalyzerTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = MedicalTextAnalyzer.Create();

    private static List<string> Terms(string text) => MedicalTextAnalyzer.Terms(Analyzer, text);

    [Theory]
    [InlineData("obstructive sleep apnoea", "apnea")]
    [InlineData("hypoglycaemia", "hypoglycemia")]
    [InlineData("PSA", "prostat")]
    [InlineData("OSA", "apnea")]
    [InlineData("in children", "child")]
    [InlineData("Childhood Liver Cancer", "child")]
    [InlineData("pediatric patients", "child")]
    public void A_bedside_word_yields_the_term_the_page_uses(string text, string term) =>
        Assert.Contains(term, Terms(text));

    [Fact]
    public void Hepatitis_A_and_hepatitis_B_are_different_terms()
    {
        var a = Terms("What I need to know about Hepatitis A");
        var b = Terms("What I need to know about Hepatitis B");

        Assert.Contains("hepatitisa", a);
        Assert.Contains("hepatitisb", b);
        Assert.DoesNotContain("hepatitisb", a);
        Assert.Contains("hepat", a); // The plain word still matches every hepatitis page.
    }

    [Fact]
    public void A_lone_letter_is_still_a_stop_word() =>
        Assert.DoesNotContain("a", Terms("a vitamin"));
}
