using OracleBot.Answers.Composition;

namespace OracleBot.Tests.Answers;

/// <summary>Suggested follow-ups read as a clinician would type them, not as a page title pasted into a template.</summary>
public sealed class FollowUpWordingTests
{
    [Theory]
    [InlineData("Pancreatic Neuroendocrine Tumors", "Most pancreatic neuroendocrine tumors are slow growing.", "pancreatic neuroendocrine tumors")]
    [InlineData("Adult Hodgkin Lymphoma", "Hodgkin lymphoma in adults is often curable.", "adult Hodgkin lymphoma")]
    [InlineData("GIST", "A GIST may arise anywhere.", "GIST")]
    public void A_topic_is_written_as_its_document_writes_it(string title, string body, string expected) =>
        Assert.Equal(expected, FollowUpSuggester.AsWritten(title, body));

    [Theory]
    [InlineData("pancreatic neuroendocrine tumors", true)]
    [InlineData("kidney stones", true)]
    [InlineData("diabetes", false)]
    [InlineData("hepatitis", false)]
    [InlineData("sleep apnea", false)]
    [InlineData("AIDS", false)]
    public void The_verb_agrees_with_the_topic(string topic, bool plural) =>
        Assert.Equal(plural, FollowUpSuggester.IsPlural(topic));

    [Theory]
    [InlineData("What is (are) Sleep Apnea ?", "What is Sleep Apnea?")]
    [InlineData("What is (are) Pancreatic Neuroendocrine Tumors (Islet Cell Tumors) ?", "What are Pancreatic Neuroendocrine Tumors?")]
    [InlineData("Who is at risk for Asthma? ?", "Who is at risk for Asthma?")]
    [InlineData("What is (are) What I need to know about Hepatitis B ?", null)]
    [InlineData("what research (or clinical trials) is being done for Migraine ?", null)]
    public void A_reference_pages_section_question_reads_as_asked(string heading, string? expected) =>
        Assert.Equal(expected, FollowUpSuggester.AsQuestion(heading));
}
