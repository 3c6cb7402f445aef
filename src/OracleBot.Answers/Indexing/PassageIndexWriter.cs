using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Indexing;

/// <summary>Writes one Lucene document per passage into an empty directory.</summary>
internal static class PassageIndexWriter
{
    public static void Write(string directory, KnowledgeStore store, Analyzer analyzer)
    {
        using var dir = FSDirectory.Open(directory);
        var config = new IndexWriterConfig(MedicalTextAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(dir, config);

        // Field instances are reused across passages: Lucene reads their values when the document is added.
        var text = new TextField(IndexFields.Text, string.Empty, Field.Store.NO);
        var title = new TextField(IndexFields.Title, string.Empty, Field.Store.NO);
        var heading = new TextField(IndexFields.Heading, string.Empty, Field.Store.NO);
        var keywords = new TextField(IndexFields.Keywords, string.Empty, Field.Store.NO);
        var ordinal = new NumericDocValuesField(IndexFields.Ordinal, 0);
        var document = new Document { text, title, heading, keywords, ordinal };
        foreach (var passage in store.Passages)
        {
            text.SetStringValue(passage.Text);
            title.SetStringValue(IndexedTitle(passage.Document));
            heading.SetStringValue(passage.Heading ?? string.Empty);
            keywords.SetStringValue(string.Join(". ", passage.Document.Meshes));
            ordinal.SetInt64Value(passage.Ordinal);
            writer.AddDocument(document);
        }

        // One segment: fastest to search, and the index is rebuilt whole rather than updated.
        writer.ForceMerge(1);
        writer.Commit();
    }

    // A placeholder title (PubMedQA) carries no words worth matching; the display title repeats the body.
    private static string IndexedTitle(KnowledgeDocument document) =>
        string.Equals(document.DisplayTitle, document.Title, StringComparison.Ordinal) ? document.Title : string.Empty;
}
