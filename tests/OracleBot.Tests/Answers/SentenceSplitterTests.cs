using OracleBot.Answers.Text;

namespace OracleBot.Tests.Answers;

public sealed class SentenceSplitterTests
{
    private static List<string> Split(string text) => [.. SentenceSplitter.Split(text).Select(r => r.Slice(text))];

    [Fact]
    public void Splits_on_sentence_ends()
    {
        Assert.Equal(["Fever is common.", "Rash is rare!", "Is it viral?"], Split("Fever is common. Rash is rare! Is it viral?"));
    }

    [Theory]
    [InlineData("Give 2.5 mg daily. Review in a week.", 2)]
    [InlineData("Common causes, e.g. Influenza and RSV, were tested. Results varied.", 2)]
    [InlineData("Smith et al. Reported similar results. Others did not.", 2)]
    [InlineData("Aspirin vs. Placebo was compared. No difference was found.", 2)]
    [InlineData("As shown in Fig. 1 the rate fell. It then rose.", 2)]
    [InlineData("Cells of A. madagascariensis were stained. They died.", 2)]
    [InlineData("The rate was 95% (p < 0.05). Survival improved.", 2)]
    [InlineData("The effect was small (see Ref. 12). Larger trials are needed.", 2)]
    public void Does_not_split_abbreviations_initials_or_decimals(string text, int expected)
    {
        Assert.Equal(expected, Split(text).Count);
    }

    [Fact]
    public void Line_breaks_end_sentences_and_closing_quotes_stay_attached()
    {
        var sentences = Split("What is asthma ?\nAsthma is \"a chronic disease.\" It affects airways (mostly).");
        Assert.Equal(["What is asthma ?", "Asthma is \"a chronic disease.\"", "It affects airways (mostly)."], sentences);
    }

    [Fact]
    public void Lower_case_continuation_is_not_a_new_sentence()
    {
        Assert.Single(Split("Patients were treated with i.v. fluids and approx. two litres per day."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    public void Empty_text_has_no_sentences(string text)
    {
        Assert.Empty(Split(text));
    }
}
