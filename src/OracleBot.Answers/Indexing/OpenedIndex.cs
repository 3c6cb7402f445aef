using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Indexing;

/// <summary>An open, read-only passage index matched to the knowledge store it was built from.</summary>
internal sealed class OpenedIndex : IDisposable
{
    private readonly Lucene.Net.Store.Directory _directory;

    private OpenedIndex(Lucene.Net.Store.Directory directory, DirectoryReader reader, Passage[] passageByDoc)
    {
        _directory = directory;
        Reader = reader;
        PassageByDoc = passageByDoc;
        Searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    /// <summary>Lucene doc id → passage, read once from doc values so a search needs no stored fields.</summary>
    public Passage[] PassageByDoc { get; }

    /// <summary>Opens the index; null when it does not match <paramref name="store"/> passage for passage.</summary>
    public static OpenedIndex? TryOpen(string path, KnowledgeStore store)
    {
        var directory = new MMapDirectory(new DirectoryInfo(path));
        DirectoryReader? reader = null;
        try
        {
            reader = DirectoryReader.Open(directory);
            if (reader.NumDocs != store.Passages.Count || reader.MaxDoc != reader.NumDocs)
            {
                return Fail();
            }

            var passages = new Passage[reader.MaxDoc];
            foreach (var leaf in reader.Leaves)
            {
                var values = leaf.AtomicReader.GetNumericDocValues(IndexFields.Ordinal);
                if (values is null)
                {
                    return Fail();
                }

                for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                {
                    var ordinal = values.Get(doc);
                    if (ordinal < 0 || ordinal >= store.Passages.Count)
                    {
                        return Fail();
                    }

                    passages[leaf.DocBase + doc] = store.Passages[(int)ordinal];
                }
            }

            var opened = new OpenedIndex(directory, reader, passages);
            reader = null;
            return opened;
        }
        catch (IOException)
        {
            return Fail();
        }

        OpenedIndex? Fail()
        {
            reader?.Dispose();
            directory.Dispose();
            return null;
        }
    }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }
}
