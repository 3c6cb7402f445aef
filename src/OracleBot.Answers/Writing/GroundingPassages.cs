using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.Writing;

/// <summary>
/// The passages a model may cite, with the short ids it sees ("P1", "P2" …, in retrieval order). Short
/// ids are easier for a model to copy exactly than knowledge-base ids, and any other id is invented.
/// </summary>
public static class GroundingPassages
{
    public const int MaxDocuments = 6;
    public const int PassagesPerDocument = 2;

    public static IReadOnlyList<(string Id, Passage Passage)> Select(RetrievalResult retrieval)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        return [.. retrieval.Documents.Take(MaxDocuments)
            .SelectMany(d => d.Passages.Take(PassagesPerDocument))
            .Select((p, i) => ($"P{i + 1}", p.Passage))];
    }
}
