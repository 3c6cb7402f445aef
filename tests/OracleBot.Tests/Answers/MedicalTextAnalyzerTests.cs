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

    [Theory]
    [InlineData("opioid-naïve", "opioid-naive")]
    [InlineData("an ex-smoker", "who smoked")]
    public void Accents_and_word_forms_do_not_keep_a_question_from_its_page(string question, string page) =>
        Assert.Equal(Terms(page), Terms(question));

    [Fact]
    public void Other_names_of_one_concept_share_its_number()
    {
        var terms = MedicalTextAnalyzer.TermsWithConcepts(Analyzer, "Wells score for pulmonary embolism");
        var concept = terms.ToDictionary(t => t.Term, t => t.Concept);

        Assert.Equal(concept["pulmonari"], concept["embol"]);
        Assert.Equal(concept["pulmonari"], concept["pe"]);
        Assert.NotEqual(concept["score"], concept["pe"]);
        Assert.True(terms.Single(t => t.Term == "pe").Synonym);
        Assert.False(terms.Single(t => t.Term == "embol").Synonym);
    }
}
