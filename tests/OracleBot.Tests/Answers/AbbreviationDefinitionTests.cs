using OracleBot.Answers.Text;

namespace OracleBot.Tests.Answers;

/// <summary>
/// An abstract that defines a clinical abbreviation as something else ("Pediatric-Emergencies (PE)") is not
/// a source on the vocabulary's meaning (pulmonary embolism), though the analyser expands its "PE" so.
/// </summary>
public sealed class AbbreviationDefinitionTests : SmallIndexTests
{
    private const string OsceStudy =
        "Methods: An examination of seven stations, among them Trauma-Management (TM) and Pediatric-Emergencies (PE), was given to 207 medical students. "
        + "Results: The station score for PE was significantly higher for students assessed by faculty examiners.";

    private const string EmbolismStudy =
        "Methods: Patients with suspected pulmonary embolism (PE) had computed tomography. "
        + "Results: A negative D-dimer excluded PE in most outpatients with a low pretest probability.";

    public AbbreviationDefinitionTests()
        : base(
        [
            TestDocuments.Line("pmid:901", "Student examiners in an emergency medicine examination", OsceStudy, kind: "research"),
            TestDocuments.Line("pmid:902", "D-dimer testing in outpatients", EmbolismStudy, kind: "research"),
            .. TestDocuments.SmallCorpus(),
        ])
    {
    }

    [Theory]
    [InlineData("Seven stations included Pediatric-Emergencies (PE).", "PE")]
    [InlineData("Patients with mitral insufficiency (MI) and heart failure (HF) were followed.", "MI")]
    public void A_definition_without_the_expansions_words_is_another_meaning(string text, string abbreviation) =>
        Assert.Equal([abbreviation], AbbreviationDefinitions.DefinedOtherwise(text));

    [Theory]
    [InlineData("Patients with suspected pulmonary embolism (PE) were scanned.")]
    [InlineData("Hemoglobin A1c (HbA1c) fell by 0.5%.")]
    [InlineData("The station score for PE was higher.")] // used but never defined: the vocabulary's meaning stands
    [InlineData("Stations included Pediatric-Emergencies (PE). Other patients had pulmonary embolism (PE).")]
    [InlineData("Hearing was tested in the left ear (LE).")] // not a vocabulary abbreviation
    public void A_definition_in_the_vocabularys_sense_or_none_keeps_the_meaning(string text) =>
        Assert.Empty(AbbreviationDefinitions.DefinedOtherwise(text));

    [Fact]
    public void Blanking_removes_whole_words_only() =>
        Assert.Equal("The    score and PET scans", AbbreviationDefinitions.WithoutAbbreviations("The PE score and PET scans", new HashSet<string> { "PE" }));

    [Fact]
    public void An_abstract_that_defines_PE_otherwise_is_not_quoted_on_pulmonary_embolism()
    {
        // The examination study names the score, and pulmonary embolism only through its "PE".
        Assert.DoesNotContain("pmid:901", CitedDocuments("What is the score for pulmonary embolism?"));
        Assert.Contains("pmid:902", CitedDocuments("How is pulmonary embolism excluded in outpatients?"));
    }

    private List<string> CitedDocuments(string question) => Ask(question).Citations.Select(c => c.DocumentId).ToList();
}
