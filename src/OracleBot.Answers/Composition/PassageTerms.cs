using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Composition;

/// <summary>
/// The analysed terms of each sentence (and the headings and title) of a passage, with the facets each
/// speaks to, computed the first time the passage is quoted from and kept for later questions: analysing
/// sentences is most of an extractive answer's cost, and the same passages come back for related
/// questions. Term strings are shared across passages.
/// </summary>
internal sealed class PassageTerms(Analyzer analyzer, int passageCount)
{
    private readonly Entry?[] _entries = new Entry?[passageCount];
    private readonly int[] _headingFacets = new int[passageCount]; // Facet + 1; 0 = not yet computed.
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<KnowledgeDocument, IReadOnlySet<string>> _definedOtherwise = new();
    private readonly Lock _sharedLock = new();

    /// <summary>
    /// Quotable sentence text (leading label removed), its distinct terms (a few dozen at most, so a scan
    /// beats a hash set) and the facets its words speak to; text null for sentences never quoted.
    /// </summary>
    public sealed record Sentence(TextRange Range, string? Text, string[] Terms, Facet Facets);

    /// <param name="HeadingTerms">Terms of the heading path (every level).</param>
    /// <param name="TitleTerms">Terms of the document's title: a PDQ passage names its tumour there, not in each sentence.</param>
    /// <param name="HeadingFacets">The facets the headings announce ("Prognosis and Survival").</param>
    /// <param name="Population">Who the document or section is about, from its title and headings.</param>
    public sealed record Entry(string[] HeadingTerms, string[] TitleTerms, Facet HeadingFacets, Population Population, Sentence[] Sentences)
    {
        /// <summary>Facets the headings or any sentence speak to.</summary>
        public Facet AllFacets { get; } = Sentences.Aggregate(HeadingFacets, (f, s) => f | s.Facets);
    }

    /// <summary>The facets a passage's headings announce, without analysing its sentences (cheap for every passage of a long summary).</summary>
    public Facet HeadingFacetsOf(Passage passage)
    {
        var ordinal = passage.Ordinal;
        if ((uint)ordinal < (uint)_headingFacets.Length && Volatile.Read(ref _headingFacets[ordinal]) is > 0 and var known)
        {
            return (Facet)(known - 1);
        }

        var facets = SectionPath.Of(passage) is { } path ? FacetVocabulary.OfHeading(path) : Facet.None;
        if ((uint)ordinal < (uint)_headingFacets.Length)
        {
            Volatile.Write(ref _headingFacets[ordinal], (int)facets + 1);
        }

        return facets;
    }

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
        var path = SectionPath.Of(passage);
        var heading = path is null ? [] : Share(MedicalTextAnalyzer.Terms(analyzer, path));
        var title = Share(MedicalTextAnalyzer.Terms(analyzer, passage.Document.Title));
        // Read once per document: a long summary's passages share it, and the scan covers the whole text.
        var otherwise = _definedOtherwise.GetValue(passage.Document, d => AbbreviationDefinitions.DefinedOtherwise(d.Body));
        var sentences = new Sentence[passage.Sentences.Count];
        for (var i = 0; i < sentences.Length; i++)
        {
            var range = passage.Sentences[i];
            var span = body.AsSpan(range.Start, range.Length);
            if (span.Length == 0 || span[^1] == '?' || span[0] == '#')
            {
                sentences[i] = new Sentence(range, null, [], Facet.None); // A section's question line or heading, not evidence.
                continue;
            }

            var label = SectionLabels.LeadingLabelLength(span);
            var text = body.Substring(range.Start + label, range.Length - label);
            var terms = MedicalTextAnalyzer.Terms(analyzer, AbbreviationDefinitions.WithoutAbbreviations(text, otherwise));
            sentences[i] = new Sentence(range, text, Share(terms), FacetVocabulary.OfSentence(text));
        }

        var headingFacets = path is null ? Facet.None : FacetVocabulary.OfHeading(path);
        var population = FacetVocabulary.PopulationOf(passage.Document.Title + " " + path);
        return new Entry(heading, title, headingFacets, population, sentences);
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
