using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;
using OracleBot.Answers.Text;

namespace OracleBot.Tests.Answers;

/// <summary>
/// When a judged passage counts as about the question: most of the topic named by the passage itself; or
/// half of it with the rest named by the abstract's other passage, or with the same meaning in other words.
/// </summary>
public sealed class RelevanceRulesTests
{
    private static PassageRelevance Judged(double topic, double documentTopic = 0, double similarity = 0, bool facet = true)
    {
        var document = TestDocuments.Document("pmid:7", "Opioid therapy was evaluated within 1 to 4 weeks of starting it in patients with chronic pain.", DocumentKind.Research);
        var passage = new Passage("pmid:7#p1", 0, document, new TextRange(0, document.Body.Length), null, []);
        return new PassageRelevance(new RetrievedDocument(document, 1f, [new RetrievedPassage(passage, 1f)]), 0, passage, topic, facet)
        {
            DocumentTopic = documentTopic,
            Similarity = similarity,
        };
    }

    [Theory]
    [InlineData(0.7, 0, 0, true)]
    [InlineData(0.69, 0, 0, false)]
    [InlineData(0.55, 0.8, 0, true)]
    [InlineData(0.55, 0.79, 0, false)]
    [InlineData(0.55, 0, 0.6, true)]
    [InlineData(0.55, 0, 0.59, false)]
    [InlineData(0.49, 0.9, 0.9, false)]
    public void Relevance_needs_most_of_the_topic_or_half_of_it_with_the_rest_shown_otherwise(double topic, double documentTopic, double similarity, bool relevant) =>
        Assert.Equal(relevant, Judged(topic, documentTopic, similarity).Relevant);

    [Fact]
    public void A_passage_on_another_facet_is_never_relevant() =>
        Assert.False(Judged(1.0, 1.0, 1.0, facet: false).Relevant);

    private static QuestionIntent Asking(Population population) => new(Facet.Treatment, population, false, [], []);

    [Fact]
    public void A_question_about_pregnancy_is_answered_only_by_a_passage_that_speaks_of_it()
    {
        Assert.False(RelevanceGate.AddressesPopulation(Asking(Population.Pregnancy), () => Population.None));
        Assert.True(RelevanceGate.AddressesPopulation(Asking(Population.Pregnancy), () => Population.Pregnancy));
        Assert.True(RelevanceGate.AddressesPopulation(Asking(Population.Children), () => Population.None));
    }
}
