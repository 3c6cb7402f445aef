using OracleBot.Answers.Retrieval;
using OracleBot.Answers.Writing;
using Xunit.Abstractions;

namespace OracleBot.Tests.Answers;

/// <summary>
/// Measures the grounding threshold on the seed knowledge base: a sentence against its own passage, and
/// against the best passage of another document that retrieval finds for that very sentence (the hardest
/// realistic case: a related text that does not say it).
/// </summary>
public sealed class LexicalSupportTests(RealSeedsFixture fixture, ITestOutputHelper output) : IClassFixture<RealSeedsFixture>
{
    [Fact]
    public void The_threshold_accepts_quoted_sentences_and_rejects_related_passages_that_do_not_say_them()
    {
        var index = fixture.Index;
        var support = new LexicalSupport(index.Analyzer, index.Impacts.TextIdf);
        var passages = index.Store.Passages;
        var own = new List<double>();
        var other = new List<double>();
        for (var i = 0; i < passages.Count && own.Count < 300; i += passages.Count / 400)
        {
            var passage = passages[i];
            var sentence = passage.Sentences.Select(s => s.Slice(passage.Document.Body)).FirstOrDefault(s => !s.EndsWith('?') && s.Split(' ').Length >= 10);
            if (sentence is null)
            {
                continue;
            }

            var related = index.Retrieve(new RetrievalQuery(sentence), 3).Documents.FirstOrDefault(d => d.Document.Id != passage.Document.Id);
            if (related is null)
            {
                continue;
            }

            own.Add(support.Score(sentence, passage.Text));

            // Reference pages repeat sentences across pages; a passage that contains the sentence does support it.
            if (!related.Best.Passage.Text.Contains(sentence, StringComparison.Ordinal))
            {
                other.Add(support.Score(sentence, related.Best.Passage.Text));
            }
        }

        own.Sort();
        other.Sort();
        output.WriteLine($"own passage: min {own[0]:F2}; related passage: median {other[other.Count / 2]:F2}, 90th {other[(int)(other.Count * 0.9)]:F2}; n={own.Count}/{other.Count}");
        foreach (var t in new[] { 0.5, 0.6, 0.7, 0.8, 0.9 })
        {
            output.WriteLine($"  related >= {t}: {other.Count(s => s >= t) / (double)other.Count:P1}");
        }
        Assert.All(own, s => Assert.True(s >= LexicalSupport.Threshold));
        // Measured 27% on the seeds (many are sibling pages stating the same fact); a rise means the check weakened.
        Assert.True(other.Count(s => s >= LexicalSupport.Threshold) <= other.Count * 0.32, "at most a third of related passages pass");
    }
}
