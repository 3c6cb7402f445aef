using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// PubMed as a second retrieval source of the embedded engine: searched from the standalone retrieval query
/// (never the raw message), and its records ranked into the local result by the library's ranker.
/// </summary>
public sealed class PubMedEvidenceSource
{
    /// <summary>Said on the answer when PubMed's results did not arrive in time or PubMed failed.</summary>
    public const string MissedNotice = "PubMed could not be searched this time; this answer draws on the local library only.";

    private readonly PubMedSearcher _searcher;
    private readonly KnowledgeIndex _index;
    private readonly LibraryVocabulary _vocabulary;

    public PubMedEvidenceSource(PubMedSearcher searcher, KnowledgeIndex index)
    {
        _searcher = searcher;
        _index = index;
        _vocabulary = new LibraryVocabulary(index);

        // What ranking and query building read from the library is gathered once the index is open, in the
        // background: the first question must not spend its budget on it.
        _ = Task.Run(async () =>
        {
            try
            {
                await index.EnsureReadyAsync(CancellationToken.None).ConfigureAwait(false);
                index.PrepareExternalRanking();
                _vocabulary.Prepare();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or InvalidDataException or UnauthorizedAccessException)
            {
                // The index failed to open; its own readiness check reports that, and answers fail with it.
            }
        });
    }

    /// <summary>Starts the search; await it after the local retrieval, which it runs beside.</summary>
    public Task<PubMedEvidenceResult> SearchAsync(RetrievalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = string.IsNullOrWhiteSpace(query.Context) ? query.Question : query.Question + "\n" + query.Context;
        return _searcher.SearchAsync(text, _vocabulary, cancellationToken);
    }

    /// <summary>The local result with the records ranked in.</summary>
    public RetrievalResult Merge(RetrievalResult local, PubMedEvidenceResult found, int top) =>
        found.Records.Count == 0 ? local : _index.WithExternal(local, [.. found.Records.Select(PubMedDocuments.ToDocument)], top);
}
