using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace OracleBot.Answers.Indexing;

/// <summary>
/// The analyzer used for both indexing and questions: Lucene's English chain (standard tokenizer, which
/// splits hyphenated words and keeps decimals like "2.5" whole; possessive removal; lower case; stop
/// words; Porter stemming), with question words added to the stop list because every question has them.
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
    ];

    /// <summary>A new analyzer instance; analyzers are thread-safe and meant to be shared.</summary>
    public static Analyzer Create()
    {
        var stop = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet.Count + ExtraStopWords.Length, ignoreCase: true);
        stop.UnionWith(EnglishAnalyzer.DefaultStopSet);
        stop.UnionWith(ExtraStopWords);
        return new EnglishAnalyzer(Version, stop);
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
