using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// The passage index's BM25 scores, read once from the Lucene index into flat arrays. Because a query is a
/// weighted sum of per-field BM25 terms, each (term, passage) pair can carry its combined score over all
/// fields ("impact") precomputed; a search is then one pass over the postings of the query's terms into an
/// accumulator (one for passages, one for whole documents) — no per-query weights, scorers or term-dictionary walks, which dominate Lucene's cost for
/// short queries. Scores equal Lucene's BM25 (with exact rather than one-byte-quantised field lengths).
/// </summary>
internal sealed class ImpactIndex
{
    private readonly Dictionary<string, TermEntry> _terms;
    private readonly int[] _docs;
    private readonly float[] _impacts;

    [ThreadStatic]
    private static Accumulator? t_accumulator;

    private ImpactIndex(Dictionary<string, TermEntry> terms, int[] docs, float[] impacts, int documentCount)
    {
        _terms = terms;
        _docs = docs;
        _impacts = impacts;
        DocumentCount = documentCount;
    }

    public int DocumentCount { get; }

    public long PostingCount => _docs.LongLength;

    /// <summary>BM25 idf of <paramref name="term"/> over passage texts; high (rare) for unknown terms.</summary>
    public float TextIdf(string term) =>
        _terms.TryGetValue(term, out var entry) ? entry.TextIdf : Bm25.Idf(0, DocumentCount);

    public bool Contains(string term) => _terms.ContainsKey(term);

    /// <summary>Every term with the number of passages that contain it (synthetic benchmarks sample from it).</summary>
    public IEnumerable<(string Term, int Passages)> Vocabulary() => _terms.Select(t => (t.Key, t.Value.Length));

    /// <summary>Approximate managed size of the arrays and term table, in bytes.</summary>
    public long ApproximateBytes => (_docs.LongLength * 8) + (_terms.Count * 64L);

    /// <summary>
    /// The <paramref name="count"/> best index doc ids (passages) for the weighted terms, best first (ties:
    /// lower id). A passage scores its own match plus its document's whole-document match, so every
    /// passage of a well-matching document gains alike and the best-matching passage leads it.
    /// </summary>
    /// <param name="firstPassageOf">Doc id → doc id of the first passage of the same document.</param>
    public List<(int Doc, float Score)> Search(IReadOnlyList<(string Term, float Weight)> query, int count, int[] firstPassageOf)
    {
        var scratch = t_accumulator ??= new Accumulator();
        scratch.Prepare(DocumentCount);
        var scores = scratch.Scores;
        var documentScores = scratch.DocumentScores;
        var touched = scratch.Touched;
        var touchedDocuments = scratch.TouchedDocuments;
        int touchedCount = 0, touchedDocumentCount = 0;
        foreach (var (term, weight) in query)
        {
            // A zero contribution would not mark the passage touched and could list it twice.
            if (weight <= 0 || !_terms.TryGetValue(term, out var entry))
            {
                continue;
            }

            touchedCount = Add(entry.Start, entry.Length, weight, scores, touched, touchedCount);
            touchedDocumentCount = Add(entry.DocumentStart, entry.DocumentLength, weight, documentScores, touchedDocuments, touchedDocumentCount);
        }

        var heap = new PriorityQueue<int, (float Score, int NegDoc)>(count + 1);
        foreach (var doc in touched.AsSpan(0, touchedCount))
        {
            Offer(heap, count, doc, scores[doc] + documentScores[firstPassageOf[doc]]);
        }

        foreach (var doc in touchedDocuments.AsSpan(0, touchedDocumentCount))
        {
            if (scores[doc] == 0)
            {
                Offer(heap, count, doc, documentScores[doc]);
            }
        }

        foreach (var doc in touched.AsSpan(0, touchedCount))
        {
            scores[doc] = 0;
        }

        foreach (var doc in touchedDocuments.AsSpan(0, touchedDocumentCount))
        {
            documentScores[doc] = 0;
        }

        var result = new List<(int Doc, float Score)>(heap.Count);
        while (heap.TryDequeue(out var doc, out var key))
        {
            result.Add((doc, key.Score));
        }

        result.Reverse();
        return result;
    }

    private int Add(int start, int length, float weight, float[] scores, int[] touched, int touchedCount)
    {
        var docs = _docs.AsSpan(start, length);
        var impacts = _impacts.AsSpan(start, length);
        for (var i = 0; i < docs.Length; i++)
        {
            var doc = docs[i];
            if (scores[doc] == 0)
            {
                touched[touchedCount++] = doc;
            }

            scores[doc] += weight * impacts[i];
        }

        return touchedCount;
    }

    // A min-heap of the best `count`: O(matches · log count), no sort of every matching passage.
    private static void Offer(PriorityQueue<int, (float Score, int NegDoc)> heap, int count, int doc, float score)
    {
        var key = (score, -doc);
        if (heap.Count < count)
        {
            heap.Enqueue(doc, key);
        }
        else if (heap.TryPeek(out _, out var lowest) && key.CompareTo(lowest) > 0)
        {
            heap.DequeueEnqueue(doc, key);
        }
    }

    /// <summary>
    /// Reads the postings of the passage-level <paramref name="fields"/> and the <paramref name="documentField"/>
    /// (each with its boost) and combines them per term.
    /// </summary>
    public static ImpactIndex Build(AtomicReader reader, IReadOnlyList<(string Field, float Boost)> fields, (string Field, float Boost)? documentField, float k1, float b)
    {
        var maxDoc = reader.MaxDoc;
        var stats = fields.Select(f => FieldStats.Read(reader, f.Field, f.Boost, k1, b)).ToArray();
        var whole = documentField is { } d ? FieldStats.Read(reader, d.Field, d.Boost, k1, b) : null;
        var allTerms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in stats.Append(whole).OfType<FieldStats>())
        {
            allTerms.UnionWith(field.Terms);
        }

        var docs = new List<int>(1 << 20);
        var impacts = new List<float>(1 << 20);
        var entries = new Dictionary<string, TermEntry>(allTerms.Count, StringComparer.Ordinal);
        var combined = new float[maxDoc];
        var present = new List<int>();
        var text = stats[0];
        foreach (var term in allTerms)
        {
            var bytes = new BytesRef(term);
            var start = docs.Count;
            foreach (var field in stats)
            {
                field.Accumulate(bytes, combined, present);
            }

            Flush();
            var documentStart = docs.Count;
            whole?.Accumulate(bytes, combined, present);
            Flush();
            entries[term] = new TermEntry(start, documentStart - start, documentStart, docs.Count - documentStart, Bm25.Idf(text.DocFreq(bytes), text.DocCount));
        }

        return new ImpactIndex(entries, [.. docs], [.. impacts], maxDoc);

        void Flush()
        {
            present.Sort();
            foreach (var doc in present)
            {
                docs.Add(doc);
                impacts.Add(combined[doc]);
                combined[doc] = 0;
            }

            present.Clear();
        }
    }

    /// <summary>Writes the arrays in one file: terms with their ranges, then the raw postings.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(DocumentCount);
        writer.Write(_terms.Count);
        foreach (var (term, entry) in _terms)
        {
            writer.Write(term);
            writer.Write(entry.Start);
            writer.Write(entry.Length);
            writer.Write(entry.DocumentStart);
            writer.Write(entry.DocumentLength);
            writer.Write(entry.TextIdf);
        }

        writer.Write(_docs.Length);
        writer.Write(MemoryMarshal.AsBytes(_docs.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_impacts.AsSpan()));
    }

    public static ImpactIndex Read(BinaryReader reader)
    {
        var documentCount = reader.ReadInt32();
        var termCount = reader.ReadInt32();
        var terms = new Dictionary<string, TermEntry>(termCount, StringComparer.Ordinal);
        for (var i = 0; i < termCount; i++)
        {
            terms.Add(reader.ReadString(), new TermEntry(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadSingle()));
        }

        var postings = reader.ReadInt32();
        var docs = new int[postings];
        var impacts = new float[postings];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(docs.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(impacts.AsSpan()));
        foreach (var entry in terms.Values)
        {
            if (entry.Start < 0 || entry.Length < 0 || entry.Start + entry.Length > postings
                || entry.DocumentStart < 0 || entry.DocumentLength < 0 || entry.DocumentStart + entry.DocumentLength > postings)
            {
                throw new InvalidDataException("A term's postings lie outside the file.");
            }
        }

        if (docs.Length > 0 && (docs.Min() < 0 || docs.Max() >= documentCount))
        {
            throw new InvalidDataException("A posting names a passage outside the index.");
        }

        return new ImpactIndex(terms, docs, impacts, documentCount);
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct TermEntry(int Start, int Length, int DocumentStart, int DocumentLength, float TextIdf);

    private sealed class Accumulator
    {
        public float[] Scores { get; private set; } = [];

        public float[] DocumentScores { get; private set; } = [];

        public int[] Touched { get; private set; } = [];

        public int[] TouchedDocuments { get; private set; } = [];

        public void Prepare(int size)
        {
            if (Scores.Length != size)
            {
                Scores = new float[size];
                DocumentScores = new float[size];
                Touched = new int[size];
                TouchedDocuments = new int[size];
            }
        }
    }

    /// <summary>Lucene's BM25 formulas.</summary>
    internal static class Bm25
    {
        public static float Idf(long docFreq, long docCount) =>
            (float)Math.Log(1 + ((docCount - docFreq + 0.5D) / (docFreq + 0.5D)));

        public static float Tf(int freq, int length, float averageLength, float k1, float b) =>
            freq * (k1 + 1) / (freq + (k1 * (1 - b + (b * length / averageLength))));
    }

    /// <summary>One field's statistics and its terms' postings.</summary>
    private sealed class FieldStats
    {
        private readonly Terms? _terms;
        private readonly TermsEnum? _enum;
        private readonly int[] _lengths;
        private readonly float _boost;
        private readonly float _k1;
        private readonly float _b;
        private readonly float _averageLength;
        private DocsEnum? _docs;

        private FieldStats(Terms? terms, int[] lengths, int docCount, long totalTokens, float boost, float k1, float b)
        {
            _terms = terms;
            _enum = terms?.GetEnumerator();
            _lengths = lengths;
            DocCount = Math.Max(docCount, 1);
            _averageLength = totalTokens <= 0 ? 1f : (float)(totalTokens / (double)DocCount);
            _boost = boost;
            _k1 = k1;
            _b = b;
        }

        public int DocCount { get; }

        public IEnumerable<string> Terms
        {
            get
            {
                if (_terms is null)
                {
                    yield break;
                }

                var terms = _terms.GetEnumerator();
                while (terms.MoveNext())
                {
                    yield return terms.Term.Utf8ToString();
                }
            }
        }

        public static FieldStats Read(AtomicReader reader, string field, float boost, float k1, float b)
        {
            var terms = reader.GetTerms(field);
            var lengths = new int[reader.MaxDoc];
            long total = 0;
            if (terms is not null)
            {
                var termsEnum = terms.GetEnumerator();
                DocsEnum? docs = null;
                while (termsEnum.MoveNext())
                {
                    docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
                    int doc;
                    while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        lengths[doc] += docs.Freq;
                        total += docs.Freq;
                    }
                }
            }

            var docCount = lengths.Count(l => l > 0);
            return new FieldStats(terms, lengths, docCount, total, boost, k1, b);
        }

        public int DocFreq(BytesRef term) => _enum is not null && _enum.SeekExact(term) ? _enum.DocFreq : 0;

        public void Accumulate(BytesRef term, float[] combined, List<int> present)
        {
            if (_enum is null || !_enum.SeekExact(term))
            {
                return;
            }

            var idf = Bm25.Idf(_enum.DocFreq, DocCount) * _boost;
            _docs = _enum.Docs(null, _docs, DocsFlags.FREQS);
            int doc;
            while ((doc = _docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (combined[doc] == 0)
                {
                    present.Add(doc);
                }

                combined[doc] += idf * Bm25.Tf(_docs.Freq, _lengths[doc], _averageLength, _k1, _b);
            }
        }
    }
}
