using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Retrieval;

/// <summary>A retrieved passage and its score (BM25, or BM25 fused with the vectors).</summary>
/// <param name="Similarity">Cosine of the passage's vector with the question's; null when retrieval used BM25 alone.</param>
public sealed record RetrievedPassage(Passage Passage, float Score, float? Similarity = null);

/// <summary>A retrieved document: its score is its best passage's, and its passages are best first.</summary>
public sealed record RetrievedDocument(KnowledgeDocument Document, float Score, IReadOnlyList<RetrievedPassage> Passages)
{
    public RetrievedPassage Best => Passages[0];
}

/// <summary>An analysed query term, its weight in the query and its inverse document frequency.</summary>
public sealed record QueryTerm(string Text, float Weight, float Idf)
{
    /// <summary>
    /// Terms of one concept share a number: the words the question used and the other names the vocabulary
    /// adds for them ("PE", "pulmonary", "embolism"). Negative: a concept of its own.
    /// </summary>
    public int Concept { get; init; } = -1;

    /// <summary>Whether the vocabulary added the term as another name for words of the question.</summary>
    public bool Synonym { get; init; }
}

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
