using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// Writes one Lucene document per passage into an empty directory. Fields: the passage text with its
/// section heading; the document's title and MeSH terms; and, on each document's first passage only, the
/// whole document, so ranking can weigh how well the document as a whole matches (BM25 over abstracts)
/// beside how well its best passage does.
/// </summary>
internal static class PassageIndexWriter
{
    public static void Write(string directory, KnowledgeStore store, Analyzer analyzer)
    {
        using var dir = FSDirectory.Open(directory);
        var config = new IndexWriterConfig(MedicalTextAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new Lucene.Net.Search.Similarities.BM25Similarity(RetrievalWeights.K1, RetrievalWeights.B),
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(dir, config);

        // Only term frequencies are needed: no positions (no phrase queries), no stored text.
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
        type.Freeze();
        var text = new Field(IndexFields.Text, string.Empty, type);
        var title = new Field(IndexFields.Title, string.Empty, type);
        var whole = new Field(IndexFields.Document, string.Empty, type);
        var ordinal = new NumericDocValuesField(IndexFields.Ordinal, 0);
        var withWhole = new Document { text, title, whole, ordinal };
        var passageOnly = new Document { text, title, ordinal };
        string? previous = null;
        foreach (var passage in store.Passages)
        {
            var document = passage.Document;
            text.SetStringValue(passage.Heading is null ? passage.Text : passage.Heading + "\n" + passage.Text);
            title.SetStringValue(IndexedTitle(document));
            ordinal.SetInt64Value(passage.Ordinal);
            var first = !ReferenceEquals(previous, document.Id);
            previous = document.Id;
            if (first)
            {
                whole.SetStringValue(IndexedTitle(document) + "\n" + document.Body);
            }

            writer.AddDocument(first ? withWhole : passageOnly);
        }

        // One segment: fastest to search, and the index is rebuilt whole rather than updated.
        writer.ForceMerge(1);
        writer.Commit();
    }

    // A placeholder title (PubMedQA) carries no words worth matching; MeSH terms name the topic instead.
    internal static string IndexedTitle(KnowledgeDocument document)
    {
        var title = string.Equals(document.DisplayTitle, document.Title, StringComparison.Ordinal) ? document.Title : string.Empty;
        return document.Meshes.Count == 0 ? title : title + "\n" + string.Join(". ", document.Meshes);
    }
}
