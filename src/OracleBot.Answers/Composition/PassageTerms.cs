using Lucene.Net.Analysis;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Composition;

/// <summary>
/// The analysed terms of each sentence (and the heading) of a passage, computed the first time the passage
/// is quoted from and kept for later questions: analysing sentences is most of an extractive answer's cost,
/// and the same passages come back for related questions. Term strings are shared across passages.
/// </summary>
internal sealed class PassageTerms(Analyzer analyzer, int passageCount)
{
    private readonly Entry?[] _entries = new Entry?[passageCount];
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly Lock _sharedLock = new();

    /// <summary>
    /// Quotable sentence text (leading label removed) and its distinct terms (a few dozen at most, so a scan
    /// beats a hash set); text null for sentences never quoted.
    /// </summary>
    public sealed record Sentence(TextRange Range, string? Text, string[] Terms);

    public sealed record Entry(string[] HeadingTerms, Sentence[] Sentences);

    public Entry For(Passage passage)
    {
        var ordinal = passage.Ordinal;
        if ((uint)ordinal < (uint)_entries.Length && Volatile.Read(ref _entries[ordinal]) is { } cached)
        {
            return cached;
        }

        var entry = Analyse(passage);
        if ((uint)ordinal < (uint)_entries.Length)
        {
            Volatile.Write(ref _entries[ordinal], entry);
        }

        return entry;
    }

    private Entry Analyse(Passage passage)
    {
        var body = passage.Document.Body;
        var heading = passage.Heading is null ? [] : Share(MedicalTextAnalyzer.Terms(analyzer, passage.Heading));
        var sentences = new Sentence[passage.Sentences.Count];
        for (var i = 0; i < sentences.Length; i++)
        {
            var range = passage.Sentences[i];
            var span = body.AsSpan(range.Start, range.Length);
            if (span.Length == 0 || span[^1] == '?')
            {
                sentences[i] = new Sentence(range, null, []); // A section's question line, not evidence.
                continue;
            }

            var label = SectionLabels.LeadingLabelLength(span);
            var text = body.Substring(range.Start + label, range.Length - label);
            sentences[i] = new Sentence(range, text, Share(MedicalTextAnalyzer.Terms(analyzer, text)));
        }

        return new Entry(heading, sentences);
    }

    private string[] Share(List<string> terms)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToArray();
        lock (_sharedLock)
        {
            for (var i = 0; i < distinct.Length; i++)
            {
                distinct[i] = _shared.TryGetValue(distinct[i], out var existing) ? existing : _shared[distinct[i]] = distinct[i];
            }
        }

        return distinct;
    }
}
