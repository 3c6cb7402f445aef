using OracleBot.Answers.Composition;

namespace OracleBot.Tests.Answers;

/// <summary>A study's methods say what was studied, not what was found: a finding opens the answer before them.</summary>
public sealed class MethodsSentenceTests : SmallIndexTests
{
    private const string Finding = "Treatment with intravenous valproate was well tolerated in patients with status epilepticus and hypotension.";

    public MethodsSentenceTests()
        : base(
        [
            TestDocuments.Line("pmid:903", "Valproate in status epilepticus",
                "The authors reviewed the records of 13 patients with status epilepticus and hypotension who received treatment with intravenous valproate. "
                + Finding, kind: "research"),
            .. TestDocuments.SmallCorpus(),
        ])
    {
    }

    [Theory]
    [InlineData("We conducted a prospective, randomized study comparing standard treatment plus NPPV to standard treatment alone.")]
    [InlineData("The authors reviewed hospital records of 13 patients with status epilepticus who received IV valproate therapy.")]
    [InlineData("This study aimed to compare two treatments for acute gout.")]
    [InlineData("Patients were randomized to surgery or radiotherapy.")]
    [InlineData("To determine whether early treatment improves survival in sepsis.")]
    public void Sentences_on_how_a_study_was_done_describe_methods(string sentence) =>
        Assert.True(Signposts.DescribesMethods(sentence));

    [Theory]
    [InlineData("We found that early treatment reduced mortality by a third.")]
    [InlineData("Treatment with valproate was well tolerated in patients with hypotension.")]
    [InlineData("The study showed no difference in survival between the two treatments.")]
    public void Findings_do_not(string sentence) =>
        Assert.False(Signposts.DescribesMethods(sentence));

    [Fact]
    public void The_finding_is_the_bottom_line_though_the_methods_name_as_much_of_the_question()
    {
        Assert.Equal(Finding, Ask("What is the treatment of status epilepticus with hypotension?").BottomLine?.Text);
    }
}
