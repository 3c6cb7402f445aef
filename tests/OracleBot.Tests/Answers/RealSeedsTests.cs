using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers;

/// <summary>
/// Opens the index over the committed seeds for the whole test class. It lives where the functional tests
/// keep theirs (<c>artifacts/index</c>), so a machine builds it once per change of the seeds and later runs
/// only read it back; builders take turns through the index folder's lock.
/// </summary>
public sealed class RealSeedsFixture : IDisposable
{
    public RealSeedsFixture()
    {
        var seeds = FindUp("seeds", "medquad");
        var index = Path.Combine(Path.GetDirectoryName(seeds)!, "artifacts", "index");
        Index = new KnowledgeIndex(new KnowledgeIndexLocation(seeds, index), NullLogger<KnowledgeIndex>.Instance);
        Index.EnsureReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public KnowledgeIndex Index { get; }

    /// <summary>Walks up from the test binary to the folder <paramref name="name"/> that contains <paramref name="child"/>.</summary>
    public static string FindUp(string name, string child)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(Path.Combine(candidate, child)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No '{name}/{child}' folder above {AppContext.BaseDirectory}.");
    }

    public void Dispose() => Index.Dispose();
}

public sealed class RealSeedsTests(RealSeedsFixture fixture) : IClassFixture<RealSeedsFixture>
{
    private EmbeddedAnswerService Service() =>
        new(fixture.Index, Options.Create(new AnswersOptions()), NullLogger<EmbeddedAnswerService>.Instance);

    [Fact]
    public void All_six_corpora_are_loaded()
    {
        Assert.Equal(7272, fixture.Index.Store.DocumentCount);
        Assert.Equal(DocumentKind.Summary, fixture.Index.Store.FindDocument("pdq:pnet-treatment-pdq")!.Kind);
        Assert.Equal("B", fixture.Index.Store.Documents.First(d => d.Id.StartsWith("uspstf:colorectal-cancer-screening#", StringComparison.Ordinal) && d.Grade == "B").Grade);
        Assert.Equal(12, fixture.Index.Store.Documents.Count(d => d.Id.StartsWith("cdc:opioids-2022#", StringComparison.Ordinal) && d.Category is not null && d.EvidenceType is not null));
        var pubmed = fixture.Index.Store.FindDocument("pmid:21645374")!;
        Assert.StartsWith("PMID 21645374 (2011): Programmed cell death", pubmed.DisplayTitle, StringComparison.Ordinal);
        Assert.Contains(pubmed.Conclusion!, pubmed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symptoms_of_adult_ALL_cite_the_MedQuAD_page()
    {
        var answer = await Service().AnswerAsync(new AnswerRequest("What are the symptoms of adult acute lymphoblastic leukemia?"), CancellationToken.None);

        Assert.Equal("medquad:CancerGov:0000001_1", answer.Citations[answer.BottomLine!.CitationNumbers[0] - 1].DocumentId);
        Assert.Contains("symptoms", answer.BottomLine.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Untreated", answer.BottomLine.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Sections.SelectMany(s => s.Statements), s => s.Text.Contains("symptoms", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(answer.Sections, s => s.Kind == DocumentKind.Reference);
        var order = ExtractiveComposer.SectionOrderFor(Audience.Physician).ToList();
        Assert.Equal(answer.Sections.Select(s => order.IndexOf(s.Kind)).Order(), answer.Sections.Select(s => order.IndexOf(s.Kind)));
        Assert.Contains(ExtractiveComposer.NoGuidelineNotice, answer.Notices);
        Assert.Equal(3, answer.FollowUps.Count);
        var retrieved = fixture.Index.Search(answer.Question, 8).Select(d => d.Document.Id).ToHashSet();
        Assert.All(answer.Citations, c => Assert.Contains(c.DocumentId, retrieved));
    }

    [Fact]
    public async Task A_short_follow_up_borrows_the_previous_question()
    {
        var prior = new PriorTurn("What are the symptoms of adult acute lymphoblastic leukemia?", "…", ["medquad:CancerGov:0000001_1"]);

        var withContext = await Service().AnswerAsync(new AnswerRequest("And the treatments?", Context: [prior]), CancellationToken.None);
        var alone = await Service().AnswerAsync(new AnswerRequest("And the treatments?"), CancellationToken.None);

        Assert.Contains(withContext.Citations, c => c.DocumentId == "medquad:CancerGov:0000001_1");
        Assert.DoesNotContain(alone.Citations, c => c.DocumentId == "medquad:CancerGov:0000001_1");
    }

    [Fact]
    public void PubMedQA_dev_questions_find_their_gold_abstract_in_the_top_five()
    {
        // The only test that reads evaluation data beside the clone (../shared/data).
        var questions = Path.Combine(RealSeedsFixture.FindUp("shared", "data"), "data", "pubmedqa", "questions-dev.jsonl");
        var sample = File.ReadLines(questions).Take(50).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Question: e.GetProperty("question").GetString()!, Gold: e.GetProperty("gold_ids")[0].GetString()!)).ToList();

        var found = sample.Count(q => fixture.Index.Search(q.Question, 5).Any(d => d.Document.Id == q.Gold));

        Assert.True(found >= 45, $"gold in top 5 for {found} of {sample.Count}");
    }
}
