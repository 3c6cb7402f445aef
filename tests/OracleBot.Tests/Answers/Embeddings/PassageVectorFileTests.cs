using OracleBot.Answers.Embeddings;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Tests.Answers.Embeddings;

public sealed class PassageVectorFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void An_interrupted_run_resumes_and_the_completed_file_reads_back()
    {
        var store = Store();
        var identity = PassageVectorFile.Identity(store, 128);
        var random = new Random(11);
        var embeddings = Enumerable.Range(0, store.Passages.Count).Select(_ => PassageVectorsTests.UnitVector(random)).ToList();
        var expected = PassageVectorsTests.Build(embeddings);

        using (var writer = PassageVectorFile.OpenPartial(_temp.Path, identity, store.Passages.Count, out var fresh, out var done))
        {
            Assert.Equal(0, done);
            writer.Append(expected.CodesOf(0), expected.ScaleOf(0));
            writer.Flush();
        }

        Assert.Null(PassageVectorFile.TryRead(_temp.Path, identity, store.Passages.Count));
        Assert.Equal(1, PassageVectorFile.PartialCount(_temp.Path));

        using (var writer = PassageVectorFile.OpenPartial(_temp.Path, identity, store.Passages.Count, out var resumed, out var done))
        {
            Assert.Equal(1, done);
            Assert.Equal(expected.CodesOf(0).ToArray(), resumed.CodesOf(0).ToArray());
            for (var i = done; i < store.Passages.Count; i++)
            {
                writer.Append(expected.CodesOf(i), expected.ScaleOf(i));
            }

            writer.Complete();
        }

        var read = PassageVectorFile.TryRead(_temp.Path, identity, store.Passages.Count);
        Assert.NotNull(read);
        for (var i = 0; i < store.Passages.Count; i++)
        {
            Assert.Equal(expected.CodesOf(i).ToArray(), read.CodesOf(i).ToArray());
            Assert.Equal(expected.ScaleOf(i), read.ScaleOf(i));
        }

        Assert.False(File.Exists(Path.Combine(_temp.Path, PassageVectorFile.PartialFileName)));
    }

    [Fact]
    public void Vectors_of_other_passages_or_another_token_budget_are_not_used()
    {
        var store = Store();
        var identity = PassageVectorFile.Identity(store, 128);
        using (var writer = PassageVectorFile.OpenPartial(_temp.Path, identity, store.Passages.Count, out var vectors, out _))
        {
            for (var i = 0; i < store.Passages.Count; i++)
            {
                writer.Append(vectors.CodesOf(i), 1f);
            }

            writer.Complete();
        }

        Assert.NotNull(PassageVectorFile.TryRead(_temp.Path, identity, store.Passages.Count));
        Assert.Null(PassageVectorFile.TryRead(_temp.Path, PassageVectorFile.Identity(store, 64), store.Passages.Count));
        var other = KnowledgeStore.Create([TestDocuments.Document("ref:other", "Another page. It has other passages.")]);
        Assert.Null(PassageVectorFile.TryRead(_temp.Path, PassageVectorFile.Identity(other, 128), store.Passages.Count));
        Assert.NotEqual(identity, PassageVectorFile.Identity(other, 128));
    }

    public void Dispose() => _temp.Dispose();

    private static KnowledgeStore Store() => KnowledgeStore.Create(
    [
        TestDocuments.Document("ref:a", "Asthma is a chronic disease of the airways. Inhaled corticosteroids control it."),
        TestDocuments.Document("ref:b", "Gout is a form of arthritis caused by uric acid crystals in a joint."),
        TestDocuments.Document("ref:c", "Migraine is a headache disorder with throbbing pain."),
    ]);
}
