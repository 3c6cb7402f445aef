using Microsoft.Extensions.Logging.Abstractions;
using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers;

public sealed class ExtractiveComposerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly KnowledgeIndex _index;

    public ExtractiveComposerTests()
    {
        var seeds = TestDocuments.WriteSeeds(_temp.Path, TestDocuments.SmallCorpus());
        _index = new KnowledgeIndex(new KnowledgeIndexLocation(seeds, Path.Combine(_temp.Path, "index")), NullLogger<KnowledgeIndex>.Instance);
        _index.EnsureReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private (Answer Answer, RetrievalResult Retrieval) Ask(string question, int maxStatements = 8)
    {
        var retrieval = _index.Retrieve(new RetrievalQuery(question), 8);
        return (Composer(maxStatements).Compose("a1", question, retrieval), retrieval);
    }

    // Follow-ups are checked against the same index before they are offered.
    private ExtractiveComposer Composer(int maxStatements = 8)
    {
        ExtractiveComposer? composer = null;
        composer = new ExtractiveComposer(_index.Analyzer, _index.Store, maxStatements, (q, _) => composer!.Answers(q, _index.Retrieve(new RetrievalQuery(q), 2)));
        return composer;
    }

    private static IEnumerable<Statement> AllStatements(Answer answer) =>
        (answer.BottomLine is null ? [] : new[] { answer.BottomLine }).Concat(answer.Sections.SelectMany(s => s.Statements));

    [Theory]
    [InlineData("What are the symptoms of asthma?")]
    [InlineData("Do inhaled corticosteroids reduce asthma attacks in children?")]
    [InlineData("How is gout treated?")]
    public void Statements_are_verbatim_sentences_of_retrieved_passages_they_cite(string question)
    {
        var (answer, retrieval) = Ask(question);

        Assert.NotNull(answer.BottomLine);
        var retrievedPassages = retrieval.Documents.SelectMany(d => d.Passages).Select(p => p.Passage).ToDictionary(p => p.Id);
        foreach (var statement in AllStatements(answer))
        {
            Assert.NotEmpty(statement.CitationNumbers);
            foreach (var number in statement.CitationNumbers)
            {
                var citation = answer.Citations[number - 1];
                Assert.Equal(number, citation.Number);
                Assert.True(retrievedPassages.TryGetValue(citation.PassageId, out var passage), $"{citation.PassageId} was not retrieved");
                Assert.Equal(passage.Document.Id, citation.DocumentId);
                Assert.Contains(statement.Text, passage.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Citations_are_numbered_in_order_of_first_use_and_carry_metadata()
    {
        var (answer, _) = Ask("What are the symptoms and treatments of asthma?");

        var firstUse = AllStatements(answer).SelectMany(s => s.CitationNumbers).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), firstUse);
        Assert.All(answer.Citations, c =>
        {
            Assert.StartsWith("https://example.org/", c.Url, StringComparison.Ordinal);
            Assert.Equal("CC BY 4.0", c.License);
            Assert.StartsWith(c.DocumentId + "#p", c.PassageId, StringComparison.Ordinal);
            Assert.InRange(c.Excerpt.Length, 1, 301);
        });
    }

    [Fact]
    public void Reference_sections_come_before_research_and_labels_are_dropped()
    {
        var (answer, _) = Ask("Do inhaled corticosteroids reduce asthma attacks in children?");

        var kinds = answer.Sections.Select(s => s.Kind).ToList();
        Assert.Equal(kinds.OrderBy(k => k), kinds);
        Assert.DoesNotContain(AllStatements(answer), s => s.Text.StartsWith("Results:", StringComparison.Ordinal) || s.Text.StartsWith("Background:", StringComparison.Ordinal));
        Assert.Contains(ExtractiveComposer.NoGuidelineNotice, answer.Notices);
    }

    [Fact]
    public void Repeated_sentences_are_stated_once()
    {
        var (answer, retrieval) = Ask("What are the symptoms of asthma wheezing coughing chest tightness?");

        Assert.Contains(retrieval.Documents, d => d.Document.Id == "pmid:2");
        var texts = AllStatements(answer).Select(s => s.Text).ToList();
        Assert.Single(texts, t => t.StartsWith("Common symptoms of asthma include wheezing", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_count_respects_the_limit()
    {
        var (answer, _) = Ask("Do inhaled corticosteroids reduce asthma symptoms in children?", maxStatements: 2);

        Assert.InRange(AllStatements(answer).Count(), 1, 2);
    }

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("\"AND OR ( [ *")]
    [InlineData("")]
    public void Nothing_relevant_gives_an_empty_answer_with_a_notice(string question)
    {
        var (answer, _) = Ask(question);

        Assert.True(answer.IsEmpty);
        Assert.Empty(answer.Citations);
        Assert.Empty(answer.FollowUps);
        Assert.Contains(ExtractiveComposer.NothingFoundNotice, answer.Notices);
    }

    [Fact]
    public void Follow_ups_are_other_questions_the_retrieved_pages_answer()
    {
        var (answer, _) = Ask("What are the symptoms of asthma?");

        Assert.NotEmpty(answer.FollowUps);
        Assert.DoesNotContain(answer.FollowUps, f => f.Contains("symptoms", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(answer.FollowUps, f => f.Contains("research say", StringComparison.OrdinalIgnoreCase) || f.Contains(" ?", StringComparison.Ordinal));

        // Each reads as a question and is answered by the knowledge base: asking it gives a bottom line.
        Assert.All(answer.FollowUps, f =>
        {
            Assert.EndsWith("?", f, StringComparison.Ordinal);
            Assert.NotNull(Ask(f).Answer.BottomLine);
        });
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }
}
