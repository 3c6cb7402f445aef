using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using OracleBot.Answers.Indexing;

namespace OracleBot.Benchmarks.Retrieval;

/// <summary>
/// A synthetic passage index for scaling runs: passages of 40–120 terms drawn from the seed index's
/// vocabulary in proportion to how many passages use each term (so frequent terms stay frequent), written
/// as a real Lucene index and opened as the engine's impact index.
/// </summary>
internal static class SyntheticIndex
{
    public static (ImpactIndex Index, TimeSpan Write, TimeSpan Open) Build(string directory, IReadOnlyList<(string Term, int Passages)> vocabulary, int passages, int seed)
    {
        var terms = vocabulary.Select(v => v.Term).ToArray();
        var cumulative = new long[terms.Length];
        long total = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            total += vocabulary[i].Passages;
            cumulative[i] = total;
        }

        var random = new Random(seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var dir = FSDirectory.Open(directory))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(MedicalTextAnalyzer.Version, new WhitespaceAnalyzer(MedicalTextAnalyzer.Version)) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 }))
        {
            var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
            var text = new Field(IndexFields.Text, string.Empty, type);
            var document = new Document { text };
            var words = new System.Text.StringBuilder();
            for (var p = 0; p < passages; p++)
            {
                words.Clear();
                var length = random.Next(40, 121);
                for (var w = 0; w < length; w++)
                {
                    var index = Array.BinarySearch(cumulative, random.NextInt64(total));
                    words.Append(terms[index < 0 ? ~index : index + 1 < terms.Length ? index + 1 : index]).Append(' ');
                }

                text.SetStringValue(words.ToString());
                writer.AddDocument(document);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        var write = clock.Elapsed;
        clock.Restart();
        using var reader = DirectoryReader.Open(FSDirectory.Open(directory));
        var impacts = ImpactIndex.Build(reader.Leaves[0].AtomicReader, [(IndexFields.Text, 1f)], null, RetrievalWeights.K1, RetrievalWeights.B);
        return (impacts, write, clock.Elapsed);
    }
}
