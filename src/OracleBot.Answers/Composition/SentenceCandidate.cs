using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Composition;

/// <summary>A sentence of a retrieved passage that could become a statement, with how it answers the question.</summary>
/// <param name="Topic">Share of the question's topic named by the sentence, its headings or its document's title.</param>
/// <param name="Own">Share of all the question's terms (facet words included) in the sentence, its headings and its document's title.</param>
/// <param name="AnswersFacet">The sentence or its heading speaks to what the question asks (or the question asks nothing narrower).</param>
internal sealed record SentenceCandidate(
    RetrievedDocument Document,
    int DocumentRank,
    Passage Passage,
    string Text,
    string[] Terms,
    double Topic,
    double Own,
    bool AnswersFacet,
    double Score);

/// <summary>A retrieved passage judged against the question: is it about the topic, does it speak to the facet.</summary>
internal sealed record PassageRelevance(RetrievedDocument Document, int DocumentRank, Passage Passage, double Topic, bool AddressesFacet)
{
    /// <summary>Share of the topic the document's considered passages name together.</summary>
    public double DocumentTopic { get; init; }

    /// <summary>Cosine of the passage (or, for a passage found through its headings, its document's best passage) with the question; 0 without vectors.</summary>
    public double Similarity { get; init; }

    /// <summary>
    /// About the topic on its own; or naming much of it and either part of a document that names the rest,
    /// or saying in other words what was asked ("evaluate … within 1 to 4 weeks" for "how soon should I reassess").
    /// </summary>
    public bool Relevant => AddressesFacet
        && (Topic >= RelevanceGate.TopicShare
            || (Topic >= RelevanceGate.SentenceTopicShare
                && (DocumentTopic >= RelevanceGate.DocumentTopicShare || Similarity >= RelevanceGate.SimilarMeaning)));
}
