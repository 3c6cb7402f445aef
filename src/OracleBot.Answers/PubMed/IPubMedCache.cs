namespace OracleBot.Answers.PubMed;

/// <summary>
/// Where search results (PMID lists, by query) and records (by PMID) are kept for reuse: the conversation
/// store's backend in the bot (SQLite or Redis), memory otherwise. Bounded in entries; an entry past its time
/// is gone. Kept only to cite again, never exported.
/// </summary>
public interface IPubMedCache
{
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken);

    ValueTask SetAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken);
}
