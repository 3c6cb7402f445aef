using System.Text.RegularExpressions;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Conversation;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Tests.Answers;

/// <summary>
/// Two-turn exchanges built from the seed reference pages: "What is X?" then a follow-up that does not
/// name X must still retrieve X's page; a second question on another topic must carry nothing over.
/// </summary>
public sealed partial class ConversationContextTests(RealSeedsFixture fixture) : IClassFixture<RealSeedsFixture>
{
    private const int Exchanges = 24;

    private static readonly string[] FollowUps =
    [
        "And how is it treated?", "What are the treatments?", "What are the symptoms?", "And how is it diagnosed?",
        "What causes it?", "Is that true for children?", "And the outlook?", "How common is it?",
    ];

    /// <summary>Reference pages of distinct topics, spread over the sources (CancerGov, CDC, NHLBI, NIDDK, NINDS…).</summary>
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Exchanges; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private List<KnowledgeDocument> Topics()
    {
        var pages = fixture.Index.Store.Documents
            .Where(d => d.Kind == DocumentKind.Reference && d.Body.StartsWith("What is (are)", StringComparison.Ordinal) && !d.Title.Contains(':', StringComparison.Ordinal))
            .GroupBy(d => Topic(d))
            .Select(g => g.First())
            .ToList();
        var step = pages.Count / Exchanges;
        return [.. Enumerable.Range(0, Exchanges).Select(i => pages[i * step])];
    }

    private static string Topic(KnowledgeDocument document) => SourceSuffix().Replace(document.Title, string.Empty).Trim();

    private IReadOnlyList<string> Retrieve(AnswerRequest request)
    {
        var rewriter = new CarryOverQueryRewriter(fixture.Index);
        return [.. fixture.Index.Retrieve(rewriter.Rewrite(request), 3).Documents.Select(d => d.Document.Id)];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_follow_up_retrieves_the_topic_of_the_thread(int exchange)
    {
        var page = Topics()[exchange];
        var first = new AnswerRequest($"What is {Topic(page)}?");
        var firstHits = Retrieve(first);
        Assert.Contains(page.Id, firstHits);

        var followUp = new AnswerRequest(FollowUps[exchange % FollowUps.Length], Context: [new PriorTurn(first.Question, "…", [page.Id])]);
        var hits = Retrieve(followUp);

        // The page itself, or a page on the same topic (e.g. the adult and childhood pages of one cancer).
        Assert.True(hits.Contains(page.Id) || hits.Any(id => Topic(fixture.Index.Store.FindDocument(id)!).Contains(Topic(page), StringComparison.OrdinalIgnoreCase)),
            $"'{followUp.Question}' after '{first.Question}' retrieved {string.Join(", ", hits)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_fresh_topic_carries_no_stale_terms(int exchange)
    {
        var topics = Topics();
        var earlier = topics[exchange];
        var fresh = topics[(exchange + (Exchanges / 2)) % Exchanges];
        var request = new AnswerRequest($"What are the symptoms of {Topic(fresh)}?", Context: [new PriorTurn($"What is {Topic(earlier)}?", "…", [earlier.Id])]);

        var query = new CarryOverQueryRewriter(fixture.Index).Rewrite(request);

        Assert.Null(query.Context);
        Assert.Contains(fresh.Id, Retrieve(request) is var hits && hits.Contains(fresh.Id) ? hits : [.. fixture.Index.Retrieve(query, 8).Documents.Select(d => d.Document.Id)]);
    }

    [Fact]
    public void A_named_drug_follow_up_keeps_the_disease_and_what_was_asked_and_adds_the_drug()
    {
        var prior = new PriorTurn("How are pancreatic neuroendocrine tumors treated?", "…", []);
        var query = new CarryOverQueryRewriter(fixture.Index).Rewrite(new AnswerRequest("And what about everolimus?", Context: [prior]));

        // The follow-up changes one thing (the drug) and keeps the rest: the disease and that treatment was asked.
        Assert.Contains("neuroendocrine", query.Context!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("treated", query.Context!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("And what about everolimus?", query.Question);

        // No seed document discusses everolimus for these tumours: the thread's topic keeps the answer on them
        // rather than on the unrelated cancers whose pages mention the drug.
        var top = fixture.Index.Retrieve(query, 3).Documents;
        Assert.Contains("Neuroendocrine", top[0].Document.Title, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\s*\([^)]*\)\s*$")]
    private static partial Regex SourceSuffix();
}
