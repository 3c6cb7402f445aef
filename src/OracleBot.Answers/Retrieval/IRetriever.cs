namespace OracleBot.Answers.Retrieval;

/// <summary>
/// Searches the knowledge base. Exposed so callers (and tests) can run the very search an answer was
/// built from, for example to check that every cited document was really retrieved.
/// </summary>
public interface IRetriever
{
    /// <summary>True once the index is open and searches answer without waiting.</summary>
    bool IsReady { get; }

    /// <summary>The best <paramref name="top"/> documents for <paramref name="query"/>; never throws on odd input.</summary>
    IReadOnlyList<RetrievedDocument> Search(string query, int top);

    /// <summary>Like <see cref="Search"/>, with the analysed query terms and optional context.</summary>
    RetrievalResult Retrieve(RetrievalQuery query, int top);
}
