using OracleBot.Answers.Contract;
using OracleBot.Answers.Evaluation;

namespace OracleBot.Tests.Evaluation;

public sealed class AnswerScoringTests
{
    private static readonly Dictionary<string, string?> Sections = new(StringComparer.Ordinal)
    {
        ["pdq:pnet#p7"] = "Treatment Option Overview › Surgical Cytoreduction for Metastases",
        ["pdq:pnet#p2"] = "General Information › Prognostic Factors",
        ["pmid:1#p1"] = null,
    };

    [Fact]
    public void Rouge_l_is_the_f1_of_the_longest_common_word_subsequence()
    {
        Assert.Equal(1.0, RougeL.F1("Statins reduce events.", "statins REDUCE events"), 6);
        Assert.Equal(0.0, RougeL.F1("aspirin", "statins reduce events"), 6);

        // LCS "the cat the" (3): precision 3/4, recall 3/5, F1 = 2·0.75·0.6 / 1.35.
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, RougeL.F1("the cat sat the", "the big cat on the"), 6);

        // Order matters: the same words reversed share a subsequence of one word.
        Assert.Equal(2 * (1 / 3.0) * (1 / 3.0) / (2 / 3.0), RougeL.F1("a b c", "c b a"), 6);
        Assert.Equal(0.0, RougeL.F1("", "anything"), 6);
    }

    [Theory]
    [InlineData("Treatment Option Overview › Surgical Cytoreduction for Metastases", "Surgical cytoreduction for metastases", true)]
    [InlineData("Treatment Option Overview › Surgical Cytoreduction for Metastases", "treatment option overview", true)]
    [InlineData("What are the symptoms of Adult ALL ?", "What are the symptoms of adult ALL?", true)]
    [InlineData("General Information › Prognostic Factors", "Surgical Cytoreduction for Metastases", false)]
    [InlineData("Staging", "Stag", false)]
    [InlineData("Staging", "", false)]
    public void A_gold_section_matches_a_heading_path_containing_its_words(string path, string gold, bool matches) =>
        Assert.Equal(matches, AnswerEvaluator.SectionMatches(path, gold));

    [Fact]
    public void An_answer_is_scored_by_the_document_and_section_its_bottom_line_cites()
    {
        var question = Question("q1", "pdq:pnet") with { GoldSections = ["Surgical Cytoreduction for Metastases"], GoldAnswer = "resection of liver metastases gives long-term survival" };
        var answer = Answer(("pmid:1", "pmid:1#p1"), ("pdq:pnet", "pdq:pnet#p7")) with
        {
            BottomLine = new Statement("Resection of liver metastases can be associated with long-term survival.", [2]),
        };

        var score = AnswerEvaluator.Score(question, answer, Sections.GetValueOrDefault, 1);

        Assert.True(score.Answered);
        Assert.Equal("pdq:pnet", score.BottomLineDocument);
        Assert.True(score.BottomLineFromGold);
        Assert.True(score.BottomLineFromGoldSection);
        Assert.True(score.GoldCited);
        Assert.InRange(score.RougeL!.Value, 0.4, 0.9);
    }

    [Fact]
    public void A_bottom_line_from_another_section_or_document_does_not_count()
    {
        var question = Question("q1", "pdq:pnet") with { GoldSections = ["Surgical Cytoreduction for Metastases"] };
        var otherSection = AnswerEvaluator.Score(
            question,
            Answer(("pdq:pnet", "pdq:pnet#p2")) with { BottomLine = new Statement("Prognosis depends on grade.", [1]) },
            Sections.GetValueOrDefault,
            1);
        var otherDocument = AnswerEvaluator.Score(
            question,
            Answer(("pmid:1", "pmid:1#p1"), ("pdq:pnet", "pdq:pnet#p7")) with { BottomLine = new Statement("A study found this.", [1]) },
            Sections.GetValueOrDefault,
            1);

        Assert.True(otherSection.BottomLineFromGold);
        Assert.False(otherSection.BottomLineFromGoldSection);
        Assert.False(otherDocument.BottomLineFromGold);
        Assert.False(otherDocument.BottomLineFromGoldSection);
        Assert.True(otherDocument.GoldCited);
        Assert.Null(otherDocument.RougeL);
    }

    [Fact]
    public void The_summary_rates_each_kind_of_question_apart()
    {
        var answerable = Question("a", "pdq:pnet");
        var outOfScope = new EvalQuestion("o", "amoxicillin dose?", new Dictionary<string, int>()) { OutOfScope = true };
        var followUp = Question("f", "pdq:pnet") with { Context = ["first question"] };
        var good = Answer(("pdq:pnet", "pdq:pnet#p7")) with { BottomLine = new Statement("x", [1]) };
        var notCovered = new Answer("id", "q", null, [], [], [], ["not covered"]);
        var wrong = Answer(("pmid:1", "pmid:1#p1")) with { BottomLine = new Statement("y", [1]) };

        var summary = AnswerEvaluator.Summarise(
        [
            AnswerEvaluator.Score(answerable, good, Sections.GetValueOrDefault, 1),
            AnswerEvaluator.Score(answerable with { Id = "b" }, notCovered, Sections.GetValueOrDefault, 1),
            AnswerEvaluator.Score(outOfScope, notCovered, Sections.GetValueOrDefault, 1),
            AnswerEvaluator.Score(outOfScope with { Id = "o2" }, wrong, Sections.GetValueOrDefault, 1),
            AnswerEvaluator.Score(outOfScope with { Id = "o3" }, notCovered, Sections.GetValueOrDefault, 1),
            AnswerEvaluator.Score(followUp, wrong, Sections.GetValueOrDefault, 1),
        ]);

        Assert.Equal(2, summary.Answerable);
        Assert.Equal(0.5, summary.AnsweredRate);
        Assert.Equal(0.5, summary.BottomLineFromGold);
        Assert.Equal(0.5, summary.GoldCited);
        Assert.Null(summary.BottomLineFromGoldSection);
        Assert.Null(summary.RougeL);
        Assert.Equal(3, summary.OutOfScope);
        Assert.Equal(2 / 3.0, summary.NotCoveredRate!.Value, 6);
        Assert.Equal(1, summary.FollowUps);
        Assert.Equal(0.0, summary.FollowUpBottomLineFromGold);
    }

    [Fact]
    public async Task Follow_ups_are_asked_after_their_thread_with_its_answers_as_context()
    {
        var service = new RecordingAnswers();
        var question = Question("f", "pdq:pnet") with { Context = ["What is CML?", "How is it treated?"] };

        var (summary, _) = await AnswerEvaluator.RunAsync(service, [question], Sections.GetValueOrDefault, CancellationToken.None);

        Assert.Equal(["What is CML?", "How is it treated?", "q"], service.Requests.Select(r => r.Question));
        Assert.Empty(service.Requests[0].Context);
        Assert.Equal(["What is CML?", "How is it treated?"], service.Requests[2].Context.Select(t => t.Question));
        Assert.Equal(["pdq:pnet"], service.Requests[2].Context[1].CitedDocumentIds);
        Assert.Equal(1.0, summary.FollowUpBottomLineFromGold);
    }

    private static EvalQuestion Question(string id, string gold) =>
        new(id, "q", new Dictionary<string, int>(StringComparer.Ordinal) { [gold] = 1 });

    private static Answer Answer(params (string Document, string Passage)[] cited) =>
        new("id", "q", null, [], [.. cited.Select((c, i) => new Citation(i + 1, c.Document, c.Passage, "t", DocumentKind.Research, "s", 2024, "https://example.org", "l", "e"))], [], []);

    private sealed class RecordingAnswers : IAnswerService
    {
        public List<AnswerRequest> Requests { get; } = [];

        public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(Answer(("pdq:pnet", "pdq:pnet#p7")) with { BottomLine = new Statement("b", [1]) });
        }
    }
}
