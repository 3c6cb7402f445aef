using OracleBot.Answers.Indexing;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Retrieval;

/// <summary>
/// Documents from outside the library (PubMed records fetched for one question) ranked by the library's own
/// ranker: each is split into passages as the library's documents are, and scored with the same BM25 fields,
/// boosts and parameters against the library's collection statistics (term rarity, average field lengths), so
/// its scores and the library's compare and one ranked list holds both. A document the library holds itself
/// is left to the library's copy.
/// </summary>
public sealed partial class KnowledgeIndex
{
    private const int LengthSample = 400;
    private FieldLengths? _lengths;

    /// <summary>Measures the collection statistics external ranking needs, so the first question does not wait for it.</summary>
    public void PrepareExternalRanking() => _lengths ??= FieldLengths.Measure(Store, _analyzer, LengthSample);

    /// <summary><paramref name="local"/> with <paramref name="external"/> documents ranked in, best <paramref name="top"/> kept.</summary>
    public RetrievalResult WithExternal(RetrievalResult local, IReadOnlyList<KnowledgeDocument> external, int top)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(external);
        if (external.Count == 0 || local.Terms.Count == 0)
        {
            return local;
        }

        var lengths = _lengths ??= FieldLengths.Measure(Store, _analyzer, LengthSample);
        var scored = new List<RetrievedDocument>(local.Documents);
        var ordinal = -1;
        foreach (var document in external)
        {
            if (Store.FindDocument(document.Id) is not null || scored.Exists(d => d.Document.Id == document.Id))
            {
                continue;
            }

            // Negative ordinals: never confused with the library's passages, never cached by ordinal.
            var passages = PassageSplitter.Split(document).Select(p => p with { Ordinal = ordinal-- }).ToList();
            if (Score(local.Terms, document, passages, lengths) is { } retrieved)
            {
                scored.Add(retrieved);
            }
        }

        return new RetrievalResult(local.Terms, [.. scored.OrderByDescending(d => d.Score).Take(top)]);
    }

    private RetrievedDocument? Score(IReadOnlyList<QueryTerm> terms, KnowledgeDocument document, List<Passage> passages, FieldLengths lengths)
    {
        var title = PassageIndexWriter.IndexedTitle(document);
        var titleCounts = Counts(title);
        var titleLength = titleCounts.Values.Sum();
        var documentCounts = Counts(title + "\n" + document.Body);
        var documentLength = documentCounts.Values.Sum();

        // Field rarity is the passage-text idf the query terms carry: the index keeps no other per field.
        float whole = 0, titleScore = 0;
        foreach (var term in terms)
        {
            var weight = term.Weight * term.Idf;
            whole += weight * RetrievalWeights.DocumentBoost * Tf(documentCounts, term.Text, documentLength, lengths.Document);
            titleScore += weight * RetrievalWeights.TitleBoost * Tf(titleCounts, term.Text, titleLength, lengths.Title);
        }

        var retrieved = new List<RetrievedPassage>(passages.Count);
        foreach (var passage in passages)
        {
            var counts = Counts(passage.Heading is null ? passage.Text : passage.Heading + "\n" + passage.Text);
            var length = counts.Values.Sum();
            var own = 0f;
            foreach (var term in terms)
            {
                own += term.Weight * term.Idf * RetrievalWeights.PassageBoost * Tf(counts, term.Text, length, lengths.Passage);
            }

            var score = own + titleScore + whole;
            if (score > 0)
            {
                retrieved.Add(new RetrievedPassage(passage, score));
            }
        }

        if (retrieved.Count == 0)
        {
            return null;
        }

        retrieved.Sort((a, b) => b.Score.CompareTo(a.Score));
        return new RetrievedDocument(document, retrieved[0].Score, retrieved);
    }

    private Dictionary<string, int> Counts(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in MedicalTextAnalyzer.Terms(_analyzer, text))
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        return counts;
    }

    private static float Tf(Dictionary<string, int> counts, string term, int length, float averageLength) =>
        counts.TryGetValue(term, out var freq) ? ImpactIndex.Bm25.Tf(freq, length, averageLength, RetrievalWeights.K1, RetrievalWeights.B) : 0f;

    /// <summary>Average analysed length of the three fields, measured on a spread sample of the library.</summary>
    private sealed record FieldLengths(float Passage, float Title, float Document)
    {
        public static FieldLengths Measure(KnowledgeStore store, Lucene.Net.Analysis.Analyzer analyzer, int sample)
        {
            var passages = store.Passages;
            if (passages.Count == 0)
            {
                return new FieldLengths(1, 1, 1);
            }

            var step = Math.Max(1, passages.Count / sample);
            long passage = 0, title = 0, whole = 0;
            int passageCount = 0, titleCount = 0, documentCount = 0;
            for (var i = 0; i < passages.Count; i += step)
            {
                var p = passages[i];
                var indexedTitle = PassageIndexWriter.IndexedTitle(p.Document);
                var titleLength = MedicalTextAnalyzer.Terms(analyzer, indexedTitle).Count;
                passage += MedicalTextAnalyzer.Terms(analyzer, p.Heading is null ? p.Text : p.Heading + "\n" + p.Text).Count;
                title += titleLength;
                titleCount += titleLength > 0 ? 1 : 0; // Lucene averages over passages that have the field
                passageCount++;
                if (store.PassagesOf(p.Document.Id)[0].Ordinal == p.Ordinal)
                {
                    whole += titleLength + MedicalTextAnalyzer.Terms(analyzer, p.Document.Body).Count;
                    documentCount++;
                }
            }

            return new FieldLengths(
                Math.Max(1f, passage / (float)passageCount),
                titleCount == 0 ? 1f : Math.Max(1f, title / (float)titleCount),
                documentCount == 0 ? Math.Max(1f, passage / (float)passageCount) : Math.Max(1f, whole / (float)documentCount));
        }
    }
}
