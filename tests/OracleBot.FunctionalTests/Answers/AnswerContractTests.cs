using OracleBot.Answers.Contract;

namespace OracleBot.FunctionalTests.Answers;

/// <summary>
/// One behavioural contract for every answer service: the in-process engine and the same engine behind
/// the HTTP API, reached through <c>HttpAnswerService</c>. Both must give the same answers.
/// </summary>
public abstract class AnswerContractTests(AnswerServiceFixture fixture)
{
    private const string AllSymptoms = "What are the symptoms of adult acute lymphoblastic leukemia?";

    // The order a clinician weighs the kinds of source in (the README's card sections), stated here, not read from the composer.
    private static readonly DocumentKind[] ClinicianReads = [DocumentKind.Guideline, DocumentKind.Summary, DocumentKind.Research, DocumentKind.Reference];

    private static IEnumerable<Statement> Statements(Answer answer) =>
        (answer.BottomLine is null ? [] : new[] { answer.BottomLine }).Concat(answer.Sections.SelectMany(s => s.Statements));

    [Fact]
    public async Task Answers_cite_retrieved_passages_numbered_in_order_of_first_use()
    {
        var answer = await fixture.Service.AnswerAsync(new AnswerRequest(AllSymptoms), CancellationToken.None);

        Assert.Equal("medquad:CancerGov:0000001_1", answer.Citations[answer.BottomLine!.CitationNumbers[0] - 1].DocumentId);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), Statements(answer).SelectMany(s => s.CitationNumbers).Distinct());
        var retrieved = fixture.Retriever.Search(AllSymptoms, 8).Select(d => d.Document.Id).ToHashSet();
        Assert.All(answer.Citations, c => Assert.Contains(c.DocumentId, retrieved));
        Assert.All(answer.Citations, c => Assert.StartsWith("https://", c.Url, StringComparison.Ordinal));
        Assert.InRange(answer.FollowUps.Count, 1, 3);
    }

    [Fact]
    public async Task A_question_the_knowledge_base_cannot_answer_says_so()
    {
        var answer = await fixture.Service.AnswerAsync(new AnswerRequest("zzqx vorpal frabjous snicker-snack?"), CancellationToken.None);

        Assert.True(answer.IsEmpty);
        Assert.Empty(answer.Citations);
        Assert.NotEmpty(answer.Notices);
    }

    [Fact]
    public async Task The_audience_changes_section_order_not_the_evidence()
    {
        const string question = "What are the treatments for hairy cell leukemia?";
        var physician = await fixture.Service.AnswerAsync(new AnswerRequest(question, Audiences.Physician), CancellationToken.None);
        var patient = await fixture.Service.AnswerAsync(new AnswerRequest(question, Audiences.Patient), CancellationToken.None);

        // The same evidence: the same passages cited. Which of them speaks first may differ (a patient's bottom
        // line comes from the plain-language page when it answers about as well).
        Assert.Equal(physician.Citations.Select(c => c.PassageId).Order(), patient.Citations.Select(c => c.PassageId).Order());
        Assert.NotNull(physician.BottomLine);
        Assert.NotNull(patient.BottomLine);

        // The evidence spans a reference page and another kind, so the order can change: the clinician reads
        // guidelines, summaries and research before reference pages; the patient reads the reference page first.
        var physicianOrder = physician.Sections.Select(s => s.Kind).ToList();
        var patientOrder = patient.Sections.Select(s => s.Kind).ToList();
        Assert.Contains(DocumentKind.Reference, physicianOrder);
        Assert.Contains(physicianOrder, kind => kind != DocumentKind.Reference);
        Assert.Equal(physicianOrder.Order(), patientOrder.Order());
        Assert.Equal(physicianOrder.OrderBy(kind => Array.IndexOf(ClinicianReads, kind)), physicianOrder);
        Assert.Equal(DocumentKind.Reference, physicianOrder[^1]);
        Assert.Equal(DocumentKind.Reference, patientOrder[0]);
    }

    [Fact]
    public async Task The_longest_question_the_bot_sends_and_the_most_context_it_keeps_are_accepted()
    {
        // One limit for both sides: whatever the bot would send, every answer service answers rather than refuses.
        var question = "What causes pericarditis? ";
        question += new string('a', AnswerRequestLimits.MaxQuestionLength - question.Length);
        var context = Enumerable.Range(0, AnswerRequestLimits.MaxContextTurns)
            .Select(i => new PriorTurn("What causes pericarditis?", "Viral infection.", ["pmid:" + i])).ToList();

        var answer = await fixture.Service.AnswerAsync(new AnswerRequest(question, Context: context), CancellationToken.None);

        Assert.Equal(AnswerRequestLimits.MaxQuestionLength, question.Length);
        Assert.NotNull(answer);
    }

    [Fact]
    public async Task A_follow_up_is_answered_in_the_context_of_the_thread()
    {
        var first = await fixture.Service.AnswerAsync(new AnswerRequest("What is hairy cell leukemia?"), CancellationToken.None);
        var prior = new PriorTurn(first.Question, first.BottomLine!.Text, [.. first.Citations.Select(c => c.DocumentId)]);

        var followUp = await fixture.Service.AnswerAsync(new AnswerRequest("And how is it treated?", Context: [prior]), CancellationToken.None);

        Assert.Contains(followUp.Citations, c => c.Title.Contains("Hairy Cell Leukemia", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Streaming_ends_with_the_same_answer()
    {
        var whole = await fixture.Service.AnswerAsync(new AnswerRequest(AllSymptoms, Audiences.Nurse), CancellationToken.None);
        var updates = new List<AnswerUpdate>();
        await foreach (var update in fixture.Service.StreamAsync(new AnswerRequest(AllSymptoms, Audiences.Nurse), CancellationToken.None))
        {
            updates.Add(update);
        }

        var final = Assert.Single(updates, u => u.IsFinal);
        Assert.Same(final, updates[^1]);
        Assert.Equal(whole.BottomLine?.Text, final.Answer!.BottomLine?.Text);
        Assert.Equal(whole.Citations.Select(c => (c.Number, c.PassageId, c.Excerpt)), final.Answer.Citations.Select(c => (c.Number, c.PassageId, c.Excerpt)));
        Assert.NotEqual(whole.AnswerId, final.Answer.AnswerId);
    }

    [Fact]
    public async Task The_pancreatic_NET_question_cites_only_NET_or_liver_metastasis_documents_or_says_the_knowledge_base_holds_little()
    {
        var answer = await fixture.Service.AnswerAsync(
            new AnswerRequest("Can a patient with a resected pancreatic neuroendocrine tumor and low-burden liver metastases expect a normal life span?"),
            CancellationToken.None);

        if (answer.IsEmpty)
        {
            Assert.Contains(answer.Notices, n => n.Contains("holds little", StringComparison.Ordinal));
            return;
        }

        Assert.All(answer.Citations, c => Assert.Matches(
            "(?i)neuroendocrine|carcinoid|islet cell|PNET|liver metasta|hepatic metasta", c.Title + " " + c.Excerpt));
    }
}

public sealed class EmbeddedAnswerContractTests(EmbeddedAnswerServiceFixture fixture)
    : AnswerContractTests(fixture), IClassFixture<EmbeddedAnswerServiceFixture>;

public sealed class RemoteAnswerContractTests(RemoteAnswerServiceFixture fixture)
    : AnswerContractTests(fixture), IClassFixture<RemoteAnswerServiceFixture>;
