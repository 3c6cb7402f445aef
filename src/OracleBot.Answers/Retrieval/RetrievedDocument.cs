using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Retrieval;

/// <summary>A retrieved passage and its BM25 score.</summary>
public sealed record RetrievedPassage(Passage Passage, float Score);

/// <summary>A retrieved document: its score is its best passage's, and its passages are best first.</summary>
public sealed record RetrievedDocument(KnowledgeDocument Document, float Score, IReadOnlyList<RetrievedPassage> Passages)
{
    public RetrievedPassage Best => Passages[0];
}

/// <summary>An analysed query term, its weight in the query and its inverse document frequency.</summary>
public sealed record QueryTerm(string Text, float Weight, float Idf);

/// <summary>Ranked documents with the query terms they were found by.</summary>
public sealed record RetrievalResult(IReadOnlyList<QueryTerm> Terms, IReadOnlyList<RetrievedDocument> Documents)
{
    public static RetrievalResult Empty { get; } = new([], []);
}

/// <summary>
/// The text to search for: the question itself and, optionally, earlier context that should pull in
/// related evidence without outweighing the question.
/// </summary>
public sealed record RetrievalQuery(string Question, string? Context = null, float ContextWeight = 0.4f);
