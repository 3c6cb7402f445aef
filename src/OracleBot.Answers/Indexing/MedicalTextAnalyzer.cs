using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// The analyzer used for both indexing and questions: Lucene's English chain (standard tokenizer, which
/// splits hyphenated words and keeps decimals like "2.5" and tokens like "HbA1c" whole; possessive removal;
/// lower case; stop words; Porter stemming), with question words added to the stop list because every
/// question has them. Clinical abbreviations are expanded both ways: "PNET" also yields the words of
/// "pancreatic neuroendocrine tumor", and that phrase also yields "pnet", in text and questions alike, so
/// either form finds the other. British spellings also yield the American ones.
/// </summary>
public static class MedicalTextAnalyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly string[] ExtraStopWords =
    [
        "what", "which", "who", "whom", "whose", "how", "why", "when", "where", "does", "do", "did", "doing",
        "is", "are", "was", "were", "am", "been", "being", "can", "could", "should", "would", "may", "might",
        "must", "shall", "will", "has", "have", "had", "having", "any", "about", "its", "it's", "i", "me", "my",
        "we", "our", "you", "your", "he", "she", "him", "her", "his", "them", "those", "than", "also",
        "some", "so", "very", "more", "most", "other", "tell", "know", "please",
        "ex", // "ex-smoker": the prefix, not a word of its own
    ];

    // Porter leaves these apart from the verbs clinicians ask with ("How is gout treated?" vs. "treatments
    // for gout"); mapping the nouns onto the verb stems lets the question meet the page.
    private static readonly (string Word, string Stem)[] StemOverrides =
    [
        ("treatment", "treat"), ("treatments", "treat"),
        ("diagnosis", "diagnos"), ("diagnoses", "diagnos"), ("diagnostic", "diagnos"),
        ("prognosis", "prognos"), ("prognoses", "prognos"), ("prognostic", "prognos"),
        ("smoker", "smoke"), ("smokers", "smoke"), // "a smoker" is someone who has smoked

        // "and in children?" meets "Childhood Liver Cancer Treatment" and "pediatric patients".
        ("child", "child"), ("children", "child"), ("childhood", "child"), ("pediatric", "child"), ("pediatrics", "child"),
    ];

    /// <summary>A new analyzer instance; analyzers are thread-safe and meant to be shared.</summary>
    public static Analyzer Create()
    {
        var stop = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet.Count + ExtraStopWords.Length, ignoreCase: true);
        stop.UnionWith(EnglishAnalyzer.DefaultStopSet);
        stop.UnionWith(ExtraStopWords);
        var overrides = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var (word, stem) in StemOverrides)
        {
            overrides.Add(word, stem);
        }

        var map = overrides.Build();
        var (abbreviations, spellings, phrases) = BuildSynonyms();
        return Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, source);
            stream = new EnglishPossessiveFilter(Version, stream);
            // Case-sensitive first, so "NET" expands and the word "net" does not.
            stream = new SynonymFilter(stream, abbreviations, ignoreCase: false);
            stream = new LowerCaseFilter(Version, stream);
            // "opioid-naïve" and "opioid-naive", "Sjögren" and "Sjogren" are the same word to a reader.
            stream = new ASCIIFoldingFilter(stream);
            stream = new SynonymFilter(stream, spellings, ignoreCase: false);
            stream = new SynonymFilter(stream, phrases, ignoreCase: false);
            stream = new StopFilter(Version, stream, stop);
            stream = new StemmerOverrideFilter(stream, map);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        });
    }

    private static (SynonymMap Abbreviations, SynonymMap Spellings, SynonymMap Phrases) BuildSynonyms()
    {
        var abbreviations = new SynonymMap.Builder(dedup: true);
        var spellings = new SynonymMap.Builder(dedup: true);
        var phrases = new SynonymMap.Builder(dedup: true);
        foreach (var (abbreviation, expansion) in ClinicalVocabulary.Abbreviations)
        {
            var words = expansion.Split(' ');
            abbreviations.Add(new CharsRef(abbreviation), SynonymMap.Builder.Join(words, new CharsRef()), includeOrig: true);
            var lower = abbreviation.ToLowerInvariant();
            phrases.Add(SynonymMap.Builder.Join(words, new CharsRef()), new CharsRef(lower), includeOrig: true);
            if (expansion.Contains("tumor", StringComparison.Ordinal))
            {
                // Plural and British forms of the phrase find the abbreviation too.
                phrases.Add(SynonymMap.Builder.Join(expansion.Replace("tumor", "tumors", StringComparison.Ordinal).Split(' '), new CharsRef()), new CharsRef(lower), includeOrig: true);
            }
        }

        foreach (var name in ClinicalVocabulary.LetterNamed)
        {
            foreach (var letter in "abcdek")
            {
                phrases.Add(SynonymMap.Builder.Join([name, letter.ToString()], new CharsRef()), new CharsRef(name + letter), includeOrig: true);
            }
        }

        foreach (var (british, american) in ClinicalVocabulary.Spellings)
        {
            spellings.Add(new CharsRef(british), new CharsRef(american), includeOrig: false);
        }

        return (abbreviations.Build(), spellings.Build(), phrases.Build());
    }

    /// <summary>
    /// The distinct analysed terms of <paramref name="text"/>, in first-seen order, each with the number of
    /// the concept it names: a synonym spans the words it stands for ("PE" the characters of "pulmonary
    /// embolism"), so terms whose characters overlap name one concept.
    /// </summary>
    /// <returns>Each term, its concept, and whether the vocabulary added it (another name for words of the text).</returns>
    public static List<(string Term, int Concept, bool Synonym)> TermsWithConcepts(Analyzer analyzer, string text, int max = int.MaxValue)
    {
        var terms = new List<(string Term, int Concept, bool Synonym)>();
        int concept = -1, conceptEnd = -1;
        using var stream = analyzer.GetTokenStream(IndexFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < max)
        {
            // Tokens arrive in order of their start, so overlap with the current concept is overlap with its span.
            if (offset.StartOffset >= conceptEnd)
            {
                concept++;
            }

            conceptEnd = Math.Max(conceptEnd, offset.EndOffset);
            var value = term.ToString();
            if (!terms.Exists(t => t.Term == value))
            {
                terms.Add((value, concept, type.Type == SynonymFilter.TYPE_SYNONYM));
            }
        }

        stream.End();
        return terms;
    }

    /// <summary>The distinct analysed terms of <paramref name="text"/>, in first-seen order.</summary>
    public static List<string> Terms(Analyzer analyzer, string text, int max = int.MaxValue)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(IndexFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < max)
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }
}
