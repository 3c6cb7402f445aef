
namespace OracleBot.Tests.Answers;

/// <summary>
/// A guideline record opens with its recommendation; the practice considerations after it qualify it. Asked
/// about the record's topic, the bottom line is the statement, not a later sentence that repeats the words.
/// </summary>
public sealed class GuidelineStatementTests : SmallIndexTests
{
    private const string Statement = "The USPSTF recommends screening for hepatitis B virus infection in adolescents and adults at increased risk for infection.";

    public GuidelineStatementTests()
        : base([Record(), .. TestDocuments.SmallCorpus()])
    {
    }

    private static string Record() =>
        // Shaped like a USPSTF record: the statement, its grade, the risk assessment, then practice
        // considerations, whose sentences repeat the question's words more often than the statement does.
        TestDocuments.Line("uspstf:hbv#1", "Hepatitis B Virus Infection in Adolescents and Adults: Screening",
            Statement + "\nGrade B.\n"
            + "Risk assessment: Persons born in countries with a high prevalence of infection are at increased risk. "
            + "Men who have sex with men are at increased risk. Persons who inject drugs are at increased risk. "
            + "Household contacts of persons known to carry the virus are at increased risk. "
            + "Persons with HIV are at increased risk. Sex partners of persons known to carry the virus are at increased risk.\n\n"
            + "Practice considerations (Hepatitis B Virus Infection: Screening, 2020):\n"
            + "Clinicians should screen adolescents and adults at increased risk for hepatitis B infection when they are seen for hepatitis B risk factors. "
            + "Clinicians should use clinical judgment to decide how often to screen adolescents and adults at increased risk for hepatitis B infection.",
            kind: "guideline", year: 2020);

    private string? BottomLine(string question) => Ask(question).BottomLine?.Text;

    [Theory]
    [InlineData("Should we screen adolescents and adults at increased risk for hepatitis B?")]
    [InlineData("Is hepatitis B screening recommended for adults at increased risk?")]
    public void The_bottom_line_is_the_records_statement(string question) =>
        Assert.Equal(Statement, BottomLine(question));

    [Fact]
    public void Asked_how_often_the_sentence_on_frequency_answers() =>
        Assert.StartsWith("Clinicians should use clinical judgment to decide how often", BottomLine("How often should adults at increased risk be screened for hepatitis B infection?"), StringComparison.Ordinal);
}
