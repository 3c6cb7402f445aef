using Microsoft.Extensions.Logging.Abstractions;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers;

public sealed class KnowledgeIndexTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private KnowledgeIndex Open(string seeds) =>
        new(new KnowledgeIndexLocation(seeds, Path.Combine(_temp.Path, "index")), NullLogger<KnowledgeIndex>.Instance);

    [Fact]
    public async Task Builds_once_reuses_on_restart_and_rebuilds_when_seeds_change()
    {
        var seeds = TestDocuments.WriteSeeds(_temp.Path, TestDocuments.SmallCorpus());

        using (var first = Open(seeds))
        {
            Assert.False(first.IsReady);
            await first.EnsureReadyAsync(CancellationToken.None);
            Assert.True(first.IsReady);
            Assert.True(first.Report!.Built);
            Assert.Equal("ref:asthma", first.Search("asthma symptoms wheezing", 3)[0].Document.Id);
        }

        using (var second = Open(seeds))
        {
            await second.EnsureReadyAsync(CancellationToken.None);
            Assert.False(second.Report!.Built);
            Assert.Equal("ref:gout", second.Search("uric acid crystals", 3)[0].Document.Id);
        }

        TestDocuments.WriteSeeds(_temp.Path, [.. TestDocuments.SmallCorpus(), TestDocuments.Line("ref:new", "Migraine (Test)", "Migraine is a headache disorder with throbbing pain.")]);
        using var third = Open(seeds);
        await third.EnsureReadyAsync(CancellationToken.None);
        Assert.True(third.Report!.Built);
        Assert.Equal("ref:new", third.Search("migraine headache", 3)[0].Document.Id);
        // Only the current index is kept.
        Assert.Single(Directory.GetDirectories(Path.Combine(_temp.Path, "index")));
    }

    [Fact]
    public async Task A_half_built_index_folder_is_never_opened()
    {
        var seeds = TestDocuments.WriteSeeds(_temp.Path, TestDocuments.SmallCorpus());
        using (var first = Open(seeds))
        {
            await first.EnsureReadyAsync(CancellationToken.None);
        }

        // Simulate a crash that left an index folder without its marker: it must be rebuilt, not trusted.
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(_temp.Path, "index")));
        File.Delete(Path.Combine(folder, "oraclebot-index.fingerprint"));
        using var second = Open(seeds);
        await second.EnsureReadyAsync(CancellationToken.None);
        Assert.True(second.Report!.Built);
        Assert.NotEmpty(second.Search("gout", 2));
    }

    [Fact]
    public async Task Instances_opening_one_index_folder_at_once_all_search_and_build_it_once()
    {
        // Bot instances (or test runs) on one machine may start together on the same index folder; none may
        // replace the index another has just opened.
        var seeds = TestDocuments.WriteSeeds(_temp.Path, TestDocuments.SmallCorpus());
        var indexes = Enumerable.Range(0, 6).Select(_ => Open(seeds)).ToArray();
        try
        {
            await Task.WhenAll(indexes.Select(i => Task.Run(() => i.EnsureReadyAsync(CancellationToken.None))));

            Assert.All(indexes, i => Assert.Equal("ref:gout", i.Search("uric acid crystals", 3)[0].Document.Id));
            Assert.Equal(1, indexes.Count(i => i.Report!.Built));
            Assert.Single(Directory.GetDirectories(Path.Combine(_temp.Path, "index")));
        }
        finally
        {
            Array.ForEach(indexes, i => i.Dispose());
        }
    }

    [Fact]
    public void Concurrent_builders_of_one_fingerprint_build_once_and_all_get_the_complete_folder()
    {
        var root = Path.Combine(_temp.Path, "index");
        var builds = 0;
        var paths = new string[4];
        Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = paths.Length }, n =>
            paths[n] = IndexDirectoryManager.BuildAtomically(root, "f1f2f3f4f5f6f7f8f9", dir =>
            {
                Interlocked.Increment(ref builds);
                File.WriteAllText(Path.Combine(dir, "data"), "x");
                Thread.Sleep(200);
            }));

        Assert.Equal(1, builds);
        Assert.All(paths, p => Assert.True(IndexDirectoryManager.IsComplete(p, "f1f2f3f4f5f6f7f8f9")));
        Assert.Single(paths.Distinct());
    }

    [Theory]
    [InlineData("\"AND OR ( [ *")]
    [InlineData("asthma AND (")]
    [InlineData("title:gout^5 ~2 \\ / ! { } : ?")]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("the of and")]
    [InlineData("☃ 💊 中文 ‮")]
    public async Task Hostile_queries_do_not_throw(string query)
    {
        var seeds = TestDocuments.WriteSeeds(_temp.Path, TestDocuments.SmallCorpus());
        using var index = Open(seeds);
        await index.EnsureReadyAsync(CancellationToken.None);

        var hits = index.Search(query, 5);

        Assert.NotNull(hits);
        Assert.NotNull(index.Search(new string('x', 100_000) + " asthma " + string.Join(' ', Enumerable.Range(0, 5000)), 5));
    }

    [Fact]
    public async Task Results_roll_up_passages_to_documents_best_first()
    {
        var seeds = TestDocuments.WriteSeeds(_temp.Path, TestDocuments.SmallCorpus());
        using var index = Open(seeds);
        await index.EnsureReadyAsync(CancellationToken.None);

        var hits = index.Search("asthma inhaled corticosteroids", 10);

        Assert.Equal(hits.Count, hits.Select(h => h.Document.Id).Distinct().Count());
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.All(hits, h => Assert.Equal(h.Score, h.Best.Score));
        Assert.All(hits, h => Assert.All(h.Passages, p => Assert.Same(h.Document, p.Passage.Document)));
    }

    public void Dispose() => _temp.Dispose();
}
