using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Composition;

/// <summary>A sentence of a retrieved passage that could become a statement, with its relevance.</summary>
internal sealed record SentenceCandidate(
    RetrievedDocument Document,
    int DocumentRank,
    Passage Passage,
    string Text,
    string[] Terms,
    double Coverage,
    double Score);
