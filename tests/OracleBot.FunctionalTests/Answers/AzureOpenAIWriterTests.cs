using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;
using OracleBot.Answers.Writing;
using OracleBot.FunctionalTests.Infrastructure;

namespace OracleBot.FunctionalTests.Answers;

/// <summary>The engine with Azure OpenAI configured against an OpenAI-compatible server on loopback.</summary>
public sealed class AzureOpenAIFixture : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public ScriptedHttpServer Model { get; private set; } = null!;

    public IStreamingAnswerService Service { get; private set; } = null!;

    public EmbeddedAnswerService Extractive { get; private set; } = null!;

    public KnowledgeIndex Index { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await ScriptedHttpServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Answers:IndexDirectory"] = RepositoryPaths.SharedIndexDirectory,
            [RepositoryPaths.VectorsEnabledSetting] = "false",
            ["Answers:AnswerCacheSize"] = "0",
            ["Answers:AzureOpenAI:Endpoint"] = Model.BaseAddress.ToString(),
            ["Answers:AzureOpenAI:Deployment"] = "gpt-test",
            ["Answers:AzureOpenAI:ApiKey"] = "loopback-key",
            ["Answers:AzureOpenAI:Timeout"] = "00:00:03",
        }).Build();
        _services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddAnswerService().BuildServiceProvider();
        Service = _services.GetRequiredService<IStreamingAnswerService>();
        Index = _services.GetRequiredService<KnowledgeIndex>();
        await Index.EnsureReadyAsync(CancellationToken.None);
        Extractive = new EmbeddedAnswerService(Index, Options.Create(new AnswersOptions { AnswerCacheSize = 0 }), NullLogger<EmbeddedAnswerService>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Model.DisposeAsync();
    }
}

public sealed class AzureOpenAIWriterTests(AzureOpenAIFixture fixture) : IClassFixture<AzureOpenAIFixture>
{
    private const string Question = "What are the treatments for hairy cell leukemia?";

    private IReadOnlyList<(string Id, Passage Passage)> Offered() =>
        GroundingPassages.Select(fixture.Index.Retrieve(new RetrievalQuery(Question), new AnswersOptions().TopDocuments));

    // Real sentences of the offered passages: what a faithful model would write.
    private (string Text, string Id) Supported(int passage)
    {
        var (id, p) = Offered()[passage];
        var sentence = p.Sentences.Select(s => s.Slice(p.Document.Body)).First(s => !s.EndsWith('?') && s.Split(' ').Length > 8);
        return (sentence, id);
    }

    private async Task<Answer> AskAsync() => await fixture.Service.AnswerAsync(new AnswerRequest(Question), CancellationToken.None);

    private async Task<string?> ExtractiveBottomLineAsync() =>
        (await fixture.Extractive.AnswerAsync(new AnswerRequest(Question), CancellationToken.None)).BottomLine?.Text;

    [Fact]
    public async Task A_grounded_model_answer_is_used_with_citations_renumbered_and_partial_text_streamed()
    {
        var a = Supported(0);
        var b = Supported(1);
        fixture.Model.Script(FakeOpenAI.Streamed(FakeOpenAI.Answer((b.Text, [b.Id]), (a.Text, [a.Id, b.Id]))));
        var partial = new List<string>();
        Answer? answer = null;

        await foreach (var update in fixture.Service.StreamAsync(new AnswerRequest(Question), CancellationToken.None))
        {
            if (update.IsFinal)
            {
                answer = update.Answer;
            }
            else
            {
                partial.Add(update.Text!);
            }
        }

        Assert.Equal(b.Text, answer!.BottomLine!.Text);
        Assert.Equal([1], answer.BottomLine.CitationNumbers);
        // Passage b does not say what a says: that citation is removed, the statement stays on a.
        Assert.Equal([2], answer.Sections.Single().Statements.Single().CitationNumbers);
        Assert.Equal(Offered()[1].Passage.Id, answer.Citations[0].PassageId);
        Assert.True(partial.Count >= 2, "partial text arrived in pieces");
        Assert.StartsWith(b.Text[..20], partial[^1], StringComparison.Ordinal);
        var request = fixture.Model.Requests.Last();
        Assert.Contains("/openai/deployments/gpt-test/chat/completions", request.Path, StringComparison.Ordinal);
        Assert.Contains("json_schema", request.Body, StringComparison.Ordinal);
        Assert.Contains("[P1]", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statements_citing_invented_passage_ids_are_dropped()
    {
        var a = Supported(0);
        fixture.Model.Script(FakeOpenAI.Streamed(FakeOpenAI.Answer((a.Text, [a.Id]), ("Cladribine cures every patient.", ["P99"]), (a.Text + " Also.", ["pmid:123"]))));

        var answer = await AskAsync();

        Assert.Equal(a.Text, answer.BottomLine!.Text);
        Assert.Empty(answer.Sections);
        Assert.Single(answer.Citations);
    }

    [Fact]
    public async Task A_statement_its_passage_does_not_support_is_dropped()
    {
        var a = Supported(0);
        fixture.Model.Script(FakeOpenAI.Streamed(FakeOpenAI.Answer(
            (a.Text, [a.Id]),
            ("Daily aspirin prevents migraine attacks in adolescents with asthma.", [a.Id]),
            (a.Text.TrimEnd('.') + " in 93.7% of patients.", [a.Id]))));

        var answer = await AskAsync();

        Assert.Equal([a.Text], answer.Sections.SelectMany(s => s.Statements).Select(s => s.Text).Prepend(answer.BottomLine!.Text).Distinct());
    }

    [Fact]
    public async Task Malformed_JSON_falls_back_to_the_extractive_answer()
    {
        fixture.Model.Script(FakeOpenAI.Streamed("{\"bottomLine\": {\"text\": \"Hairy cell leukemia is tre"));

        Assert.Equal(await ExtractiveBottomLineAsync(), (await AskAsync()).BottomLine?.Text);
    }

    [Fact]
    public async Task An_empty_answer_falls_back_to_the_extractive_answer()
    {
        fixture.Model.Script(FakeOpenAI.Streamed("""{"bottomLine":{"text":"","passageIds":[]},"sections":[],"followUps":[]}"""));

        var answer = await AskAsync();

        Assert.Equal(await ExtractiveBottomLineAsync(), answer.BottomLine?.Text);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_and_the_model_answer_used()
    {
        var a = Supported(0);
        fixture.Model.Script(
            ScriptedHttpServer.Status(429, """{"error":{"code":"429","message":"Rate limit"}}""", headers: r => r.Headers.RetryAfter = "1"),
            FakeOpenAI.Streamed(FakeOpenAI.Answer((a.Text, [a.Id]))));
        var before = fixture.Model.RequestCount;
        var clock = Stopwatch.StartNew();

        var answer = await AskAsync();

        Assert.Equal(a.Text, answer.BottomLine!.Text);
        Assert.Equal(2, fixture.Model.RequestCount - before);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_500_that_persists_falls_back_to_the_extractive_answer()
    {
        fixture.Model.Script(ScriptedHttpServer.Status(500, """{"error":{"code":"500","message":"Internal error"}}"""));
        var before = fixture.Model.RequestCount;

        var answer = await AskAsync();

        Assert.Equal(await ExtractiveBottomLineAsync(), answer.BottomLine?.Text);
        Assert.True(fixture.Model.RequestCount - before >= 2, "the client retried before giving up");
    }

    [Fact]
    public async Task A_response_that_never_ends_falls_back_within_the_time_budget()
    {
        fixture.Model.Script(FakeOpenAI.NeverEnding("{\"bottomLine\":{\"text\":\"Hairy"));
        var clock = Stopwatch.StartNew();

        var answer = await AskAsync();

        Assert.Equal(await ExtractiveBottomLineAsync(), answer.BottomLine?.Text);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task A_follow_up_is_rewritten_by_the_model_into_a_standalone_query()
    {
        var a = Supported(0);
        fixture.Model.Script(FakeOpenAI.Completed("treatment of hairy cell leukemia"), FakeOpenAI.Streamed(FakeOpenAI.Answer((a.Text, [a.Id]))));
        var prior = new PriorTurn("What is hairy cell leukemia?", "…", ["medquad:CancerGov:0000004_1"]);

        var answer = await fixture.Service.AnswerAsync(new AnswerRequest("And how is it treated?", Context: [prior]), CancellationToken.None);

        Assert.Equal(a.Text, answer.BottomLine!.Text);
        var rewrite = fixture.Model.Requests.Reverse().Skip(1).First();
        Assert.Contains("Earlier question: What is hairy cell leukemia?", rewrite.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("json_schema", rewrite.Body, StringComparison.Ordinal);
    }
}
