using Lucene.Net.Index;
using Lucene.Net.Store;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// The passage index in memory, matched to the knowledge store it was built from. Its scored postings
/// are derived from the Lucene index once and cached beside it (<c>impacts.bin</c>), so a restart reads two
/// flat files instead of walking every Lucene posting; the Lucene index stays the source of truth and the
/// cache is rebuilt from it whenever it is missing or unreadable.
/// </summary>
internal sealed class OpenedIndex
{
    public const string ImpactsFileName = "impacts.bin";
    private const int Magic = 0x49424F; // "OBI"
    private const int Version = 2;

    private OpenedIndex(Passage[] passageByDoc, ImpactIndex impacts)
    {
        PassageByDoc = passageByDoc;
        Impacts = impacts;
        FirstPassageOf = new int[passageByDoc.Length];
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var doc = 0; doc < passageByDoc.Length; doc++)
        {
            var id = passageByDoc[doc].Document.Id;
            FirstPassageOf[doc] = first.TryGetValue(id, out var f) ? f : first[id] = doc;
        }
    }

    /// <summary>Doc id → doc id of the first passage of the same document (where its whole-document match is scored).</summary>
    public int[] FirstPassageOf { get; }

    /// <summary>Index doc id → passage.</summary>
    public Passage[] PassageByDoc { get; }

    public ImpactIndex Impacts { get; }

    /// <summary>Opens the index; null when it does not match <paramref name="store"/> passage for passage.</summary>
    public static OpenedIndex? TryOpen(string path, KnowledgeStore store) =>
        TryReadCache(path, store) ?? TryReadLucene(path, store);

    private static OpenedIndex? TryReadCache(string path, KnowledgeStore store)
    {
        var file = Path.Combine(path, ImpactsFileName);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(IndexFileStream.OpenRead(file));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version || !RetrievalWeights.Signature.All(w => reader.ReadSingle() == w))
            {
                return null;
            }

            var ordinals = new int[reader.ReadInt32()];
            for (var i = 0; i < ordinals.Length; i++)
            {
                ordinals[i] = reader.ReadInt32();
            }

            var passages = Map(ordinals, store);
            var impacts = ImpactIndex.Read(reader);
            return passages is not null && impacts.DocumentCount == passages.Length ? new OpenedIndex(passages, impacts) : null;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or InvalidDataException or ArgumentException)
        {
            return null;
        }
    }

    private static OpenedIndex? TryReadLucene(string path, KnowledgeStore store)
    {
        using var directory = FSDirectory.Open(new DirectoryInfo(path));
        int[] ordinals;
        ImpactIndex impacts;
        try
        {
            using var reader = DirectoryReader.Open(directory);
            if (reader.MaxDoc != reader.NumDocs)
            {
                return null;
            }

            var atomic = reader.Leaves.Count == 1 ? reader.Leaves[0].AtomicReader : SlowCompositeReaderWrapper.Wrap(reader);
            var values = atomic.GetNumericDocValues(IndexFields.Ordinal);
            if (values is null)
            {
                return null;
            }

            ordinals = new int[reader.MaxDoc];
            for (var doc = 0; doc < ordinals.Length; doc++)
            {
                var ordinal = values.Get(doc);
                ordinals[doc] = ordinal is >= 0 and <= int.MaxValue ? (int)ordinal : -1;
            }

            impacts = RetrievalWeights.BuildImpacts(atomic);
        }
        catch (IOException)
        {
            return null;
        }

        var passages = Map(ordinals, store);
        if (passages is null)
        {
            return null;
        }

        TryWriteCache(path, ordinals, impacts);
        return new OpenedIndex(passages, impacts);
    }

    private static Passage[]? Map(int[] ordinals, KnowledgeStore store)
    {
        if (ordinals.Length != store.Passages.Count)
        {
            return null;
        }

        var passages = new Passage[ordinals.Length];
        for (var doc = 0; doc < ordinals.Length; doc++)
        {
            if (ordinals[doc] < 0 || ordinals[doc] >= store.Passages.Count)
            {
                return null;
            }

            passages[doc] = store.Passages[ordinals[doc]];
        }

        return passages;
    }

    // Written under a temporary name and renamed, so a reader never sees half a file; failure only costs speed.
    private static void TryWriteCache(string path, int[] ordinals, ImpactIndex impacts)
    {
        var file = Path.Combine(path, ImpactsFileName);
        var temporary = file + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary, 1 << 16)))
            {
                writer.Write(Magic);
                writer.Write(Version);
                foreach (var weight in RetrievalWeights.Signature)
                {
                    writer.Write(weight);
                }

                writer.Write(ordinals.Length);
                foreach (var ordinal in ordinals)
                {
                    writer.Write(ordinal);
                }

                impacts.Write(writer);
            }

            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Left for the next build's clean-up.
            }
        }
    }
}
