using OracleBot.Answers.Indexing;
using OracleBot.Answers.Writing;

namespace OracleBot.Tests.Answers;

/// <summary>
/// The grounding decision itself, on a passage of its own: what the model may say of it and what it may not.
/// (The threshold is measured on the seeds by <c>LexicalSupportTests</c>, which scores but never decides.)
/// </summary>
public sealed class LexicalSupportRulesTests
{
    private const string Passage =
        "Colchicine reduced the recurrence of pericarditis by 50% in adults with a first episode of acute pericarditis.";

    // Every term equally rare: the decision rests on which words a statement shares, not on a corpus.
    private readonly LexicalSupport _support = new(MedicalTextAnalyzer.Create(), _ => 1f);

    [Fact]
    public void A_statement_in_the_passage_own_words_is_supported()
    {
        Assert.True(_support.Supports("Colchicine reduced the recurrence of pericarditis by 50% in adults.", Passage));
    }

    [Fact]
    public void A_statement_that_adds_its_own_claim_is_not_supported()
    {
        Assert.False(_support.Supports("Bleach cures melanoma and sepsis in children within hours.", Passage));
        Assert.False(_support.Supports("Aspirin prevents stroke, heart failure and pericarditis recurrence in athletes.", Passage));
    }

    [Fact]
    public void A_number_the_passage_does_not_give_is_not_supported_even_in_its_words()
    {
        Assert.False(_support.Supports("Colchicine reduced the recurrence of pericarditis by 14% in adults.", Passage));
    }

    [Fact]
    public void A_statement_with_no_words_is_not_supported()
    {
        Assert.False(_support.Supports("...", Passage));
    }
}
