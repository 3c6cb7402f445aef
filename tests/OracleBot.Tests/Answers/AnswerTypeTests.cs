using OracleBot.Answers.Composition;

namespace OracleBot.Tests.Answers;

/// <summary>Asked for a kind of thing ("the first-line antibiotic"), a passage that never names it does not answer.</summary>
public sealed class AnswerTypeTests : SmallIndexTests
{
    public AnswerTypeTests()
        : base(
        [
            TestDocuments.Line("ref:pneumonia", "Pneumonia",
                "Most people who have community-acquired pneumonia are treated at home. Treatment of community-acquired pneumonia in adults may need a stay in hospital when breathing is hard."),
            TestDocuments.Line("ref:embolism", "Pulmonary embolism",
                "A lung scan shows how well oxygen and blood are flowing to all areas of the lungs in pulmonary embolism. The scan helps doctors diagnose pulmonary embolism."),

            // Other pages name the words asked for, so the index knows them.
            TestDocuments.Line("ref:otitis", "Ear infections",
                "An antibiotic is often prescribed for acute otitis media in children. Some children get better without an antibiotic."),
            TestDocuments.Line("ref:newborn", "Newborn checks",
                "The Apgar score is checked one minute and five minutes after birth. A low Apgar score means the baby may need help breathing."),
            .. TestDocuments.SmallCorpus(),
        ])
    {
    }

    [Theory]
    [InlineData("What is the first-line antibiotic for community-acquired pneumonia in adults?", "antibiotic")]
    [InlineData("What is the Wells score for pulmonary embolism?", "score")]
    [InlineData("Which antihypertensive is preferred in pregnancy?", "antihypertensive")]
    [InlineData("What vaccines does a 65-year-old need?", "vaccines")]
    [InlineData("Which opioids are recommended for moderate to severe cancer pain?", "opioids")]
    [InlineData("What adjuvant therapy is used for resected stage III melanoma?", "therapy")]
    public void The_head_of_what_is_asked_for_is_read(string question, string head) =>
        Assert.Equal(head, AnswerType.HeadOf(question));

    [Theory]
    [InlineData("What interventions prevent falls in older adults living at home?")]
    [InlineData("What causes hot flashes?")]
    [InlineData("Is aspirin recommended for primary prevention?")]
    [InlineData("How is stage II colon cancer treated?")]
    public void Questions_without_a_certain_phrase_have_none(string question) =>
        Assert.Null(AnswerType.HeadOf(question));

    [Fact]
    public void A_page_on_the_disease_that_names_no_antibiotic_does_not_answer_which_antibiotic()
    {
        var answer = Ask("What is the first-line antibiotic for community-acquired pneumonia in adults?");

        Assert.Null(answer.BottomLine);
    }

    [Fact]
    public void A_page_on_the_disease_that_names_no_score_does_not_answer_which_score()
    {
        Assert.Null(Ask("What is the Wells score for pulmonary embolism?").BottomLine);
        Assert.NotNull(Ask("How is pulmonary embolism diagnosed?").BottomLine);
    }
}

/// <summary>The same question is answered once a source names what is asked for.</summary>
public sealed class AnswerTypeNamedTests : SmallIndexTests
{
    private const string Antibiotics = "Amoxicillin is the antibiotic that most adults with community-acquired pneumonia are treated with at home.";

    public AnswerTypeNamedTests()
        : base(
        [
            TestDocuments.Line("ref:pneumonia", "Pneumonia",
                "Most people who have community-acquired pneumonia are treated at home. " + Antibiotics),
            .. TestDocuments.SmallCorpus(),
        ])
    {
    }

    [Fact]
    public void A_page_that_names_the_antibiotic_answers()
    {
        Assert.Equal(Antibiotics, Ask("What is the first-line antibiotic for community-acquired pneumonia in adults?").BottomLine?.Text);
    }
}
