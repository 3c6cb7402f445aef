using OracleBot.Answers.Knowledge;

namespace OracleBot.Tests.Answers.Evidence;

public sealed class StoreSnapshotTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Evidence_metadata_and_heading_paths_survive_a_restart()
    {
        var seeds = TestDocuments.WriteSeeds(_temp.Path, EvidenceSeedLines.Uspstf(), EvidenceSeedLines.Cdc(), EvidenceSeedLines.Pdq(),
            TestDocuments.SmallCorpus()[0]);
        var original = KnowledgeStore.Load(seeds);
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "snapshot")).FullName;

        StoreSnapshot.Write(folder, original);
        var restored = StoreSnapshot.TryRead(folder);

        Assert.NotNull(restored);
        Assert.Equal(original.DocumentCount, restored.DocumentCount);
        foreach (var document in original.Documents)
        {
            var copy = restored.FindDocument(document.Id)!;
            Assert.Equal(
                (document.Kind, document.Grade, document.Category, document.EvidenceType, document.Updated, document.Url, document.Body),
                (copy.Kind, copy.Grade, copy.Category, copy.EvidenceType, copy.Updated, copy.Url, copy.Body));
            Assert.Equal(document.EvidenceMarks, copy.EvidenceMarks);
        }

        Assert.Equal(original.Passages.Count, restored.Passages.Count);
        Assert.Contains(original.Passages, p => p.HeadingPath.Count > 0);
        for (var i = 0; i < original.Passages.Count; i++)
        {
            var (a, b) = (original.Passages[i], restored.Passages[i]);
            Assert.Equal((a.Id, a.Heading, a.Range), (b.Id, b.Heading, b.Range));
            Assert.Equal(a.HeadingPath, b.HeadingPath);
            Assert.Equal(a.Sentences, b.Sentences);
        }

        Assert.Contains(original.Documents, d => d.EvidenceMarks.Count > 0);
    }

    [Fact]
    public void A_snapshot_of_another_version_is_not_read()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "old")).FullName;
        using (var writer = new BinaryWriter(File.Create(Path.Combine(folder, StoreSnapshot.FileName))))
        {
            writer.Write(0x534B424F);
            writer.Write(1);
            writer.Write(0);
        }

        Assert.Null(StoreSnapshot.TryRead(folder));
    }

    public void Dispose() => _temp.Dispose();
}
