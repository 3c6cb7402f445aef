using OracleBot.Answers.Privacy;

namespace OracleBot.Tests.Security;

public sealed class PatientIdentifiersTests
{
    [Theory]
    [InlineData("Jonathan Quibbleworth seen 03/14/2024 with chest pain, could this be pericarditis?", PatientIdentifierKinds.NameWithDate)]
    [InlineData("Mrs Halloway admitted on 12 March 2024: what dose of enoxaparin?", PatientIdentifierKinds.NameWithDate)]
    [InlineData("Patient DOB 1962-03-14 with new AF, anticoagulate?", PatientIdentifierKinds.DateOfBirth)]
    [InlineData("born on March 14, 1962 and now has syncope", PatientIdentifierKinds.DateOfBirth)]
    [InlineData("MRN 48213377 has a potassium of 6.1, what next?", PatientIdentifierKinds.RecordNumber)]
    [InlineData("patient 4821337 on warfarin with INR 9", PatientIdentifierKinds.RecordNumber)]
    [InlineData("call her back on (555) 014-2297 about the rash", PatientIdentifierKinds.PhoneNumber)]
    [InlineData("results go to j.quibbleworth@example.org, is the CRP high?", PatientIdentifierKinds.Email)]
    public void Identifying_details_are_detected(string question, PatientIdentifierKinds expected)
    {
        Assert.True((PatientIdentifiers.Detect(question) & expected) == expected, $"{expected} not found in: {question}");
    }

    [Theory]
    [InlineData("What causes pericarditis?")]
    [InlineData("What is the first-line treatment for Type 2 Diabetes in adults over 65?")]
    [InlineData("Is 5 mg of warfarin daily appropriate after a 2019 guideline change?")]
    [InlineData("How is Kawasaki Disease treated in children?")]
    [InlineData("Give 1,000,000 units of penicillin G?")]
    [InlineData("Does aspirin 75 mg reduce stroke risk in atrial fibrillation?")]
    public void Ordinary_clinical_questions_are_not_flagged(string question)
    {
        Assert.Equal(PatientIdentifierKinds.None, PatientIdentifiers.Detect(question));
    }

    [Fact]
    public void Redaction_removes_every_identifier_and_keeps_the_clinical_point()
    {
        const string question = "Jonathan Quibbleworth, MRN 48213377, DOB 03/14/1962, phone 555-014-2297, jq@example.org: could this be pericarditis?";

        var redacted = PatientIdentifiers.Redact(question);

        foreach (var secret in new[] { "Jonathan", "Quibbleworth", "48213377", "03/14/1962", "555-014-2297", "jq@example.org" })
        {
            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        }

        Assert.Contains("could this be pericarditis?", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_identifiers_is_kept_verbatim()
    {
        const string question = "How is Kawasaki Disease treated in children?";

        Assert.Same(question, PatientIdentifiers.Redact(question));
    }

    [Fact]
    public void Adversarial_text_is_scanned_quickly()
    {
        var text = string.Concat(Enumerable.Repeat("Aa 1-2-3 @@ ", 2_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        PatientIdentifiers.Detect(text);
        PatientIdentifiers.Redact(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
