using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// One question's PubMed search within the time budget: the four searches of <see cref="PubMedQueryBuilder"/>
/// run in parallel (each answered from the search cache when it can be), their PMIDs are merged — guidelines
/// first, then reviews, trials and best match, alternating so each kind is represented — and the records not
/// cached are fetched in one <c>efetch</c>. Retracted records and records without an abstract are dropped.
/// Results count only if everything finishes within <see cref="PubMedOptions.Budget"/>.
/// </summary>
public sealed partial class PubMedSearcher(
    PubMedClient client,
    IPubMedCache cache,
    PubMedCircuit circuit,
    PubMedOptions options,
    TimeProvider time,
    ILogger<PubMedSearcher> logger)
{
    private const string SearchPrefix = "s:";
    private const string RecordPrefix = "r:";

    public async Task<PubMedEvidenceResult> SearchAsync(string query, IPubMedVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var searches = PubMedQueryBuilder.Build(query, vocabulary, options.RecentYears, time.GetUtcNow().Year);
        if (searches.Count == 0)
        {
            return new PubMedEvidenceResult(PubMedOutcome.NothingToSend, []);
        }

        if (!circuit.TryEnter())
        {
            LogCircuitOpen();
            return new PubMedEvidenceResult(PubMedOutcome.Unavailable, []);
        }

        var started = time.GetTimestamp();
        var deadline = time.GetUtcNow() + options.Budget;
        using var budget = new CancellationTokenSource(options.Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            var results = await Task.WhenAll(searches.Select(s => SearchOneAsync(s, deadline, linked.Token))).ConfigureAwait(false);
            if (results.All(r => r.Pmids is null))
            {
                // PubMed's own failure, if any, is what the circuit should hear about.
                throw results.Select(r => r.Failure!).OrderByDescending(f => f.CountsAgainstPubMed).First();
            }

            var pmids = Merge([.. results.Select(r => r.Pmids)], options.MaxRecords);
            var records = await RecordsAsync(pmids, deadline, linked.Token).ConfigureAwait(false);
            circuit.Succeeded();
            var usable = records.Where(r => !r.IsRetracted && r.HasAbstract).ToList();
            LogSearched(pmids.Count, usable.Count, records.Count - usable.Count, time.GetElapsedTime(started).TotalMilliseconds);
            return new PubMedEvidenceResult(PubMedOutcome.Searched, usable);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            circuit.Failed();
            LogOutOfTime(options.Budget.TotalMilliseconds);
            return new PubMedEvidenceResult(PubMedOutcome.NotInTime, []);
        }
        catch (PubMedException ex)
        {
            if (ex.CountsAgainstPubMed)
            {
                circuit.Failed();
            }
            else
            {
                circuit.Abandoned();
            }

            LogFailed(ex.Failure);
            return new PubMedEvidenceResult(ex.Failure is PubMedFailure.NoTurn ? PubMedOutcome.NotInTime : PubMedOutcome.Unavailable, []);
        }
        catch (OperationCanceledException)
        {
            circuit.Abandoned();
            throw;
        }
    }

    // One failed or skipped search of four still leaves the others' evidence; only when all fail is PubMed failing.
    private async Task<(IReadOnlyList<string>? Pmids, PubMedException? Failure)> SearchOneAsync(PubMedSearch search, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var key = SearchPrefix + Hash($"{search.Term}\n{options.RecordsPerSearch}");
        if (await TryGetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return (cached.Length == 0 ? [] : cached.Split(','), null);
        }

        try
        {
            var pmids = await client.SearchAsync(search.Term, options.RecordsPerSearch, deadline, cancellationToken).ConfigureAwait(false);
            await TrySetAsync(key, string.Join(',', pmids), options.SearchCacheDuration, cancellationToken).ConfigureAwait(false);
            return (pmids, null);
        }
        catch (PubMedException ex)
        {
            // A search without a turn in time is skipped; the others' evidence still counts.
            return (null, ex);
        }
    }

    private async Task<List<PubMedRecord>> RecordsAsync(IReadOnlyList<string> pmids, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, PubMedRecord>(StringComparer.Ordinal);
        var lookups = await Task.WhenAll(pmids.Select(p => TryGetAsync(RecordPrefix + p, cancellationToken).AsTask())).ConfigureAwait(false);
        var missing = new List<string>();
        for (var i = 0; i < pmids.Count; i++)
        {
            if (lookups[i] is { } json && Deserialize(json) is { } record && record.Pmid == pmids[i])
            {
                found[pmids[i]] = record;
            }
            else
            {
                missing.Add(pmids[i]);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var record in await client.FetchAsync(missing, deadline, cancellationToken).ConfigureAwait(false))
            {
                if (missing.Contains(record.Pmid) && found.TryAdd(record.Pmid, record))
                {
                    await TrySetAsync(RecordPrefix + record.Pmid, JsonSerializer.Serialize(record, PubMedCacheJson.Default.PubMedRecord), options.RecordCacheDuration, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return [.. pmids.Select(p => found.GetValueOrDefault(p)).OfType<PubMedRecord>()];
    }

    /// <summary>PMIDs taken in turn from each search (in kind order), without repeats, up to <paramref name="max"/>.</summary>
    internal static List<string> Merge(IReadOnlyList<IReadOnlyList<string>?> lists, int max)
    {
        var merged = new List<string>(max);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rank = 0; merged.Count < max && lists.Any(l => l is not null && rank < l.Count); rank++)
        {
            foreach (var list in lists)
            {
                if (list is not null && rank < list.Count && merged.Count < max && seen.Add(list[rank]))
                {
                    merged.Add(list[rank]);
                }
            }
        }

        return merged;
    }

    private static PubMedRecord? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PubMedCacheJson.Default.PubMedRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The cache only saves requests: a cache that fails (Redis away) is a miss, never a failed answer.
    private async ValueTask<string?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCacheFailed(ex.GetType().Name);
            return null;
        }
    }

    private async ValueTask TrySetAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SetAsync(key, value, lifetime, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCacheFailed(ex.GetType().Name);
        }
    }

    // Search terms are kept only as a hash, so the cache never holds question words.
    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [LoggerMessage(EventId = 7106, Level = LogLevel.Debug, Message = "PubMed: {Pmids} PMIDs, {Usable} usable records, {Dropped} dropped (retracted or no abstract) in {Milliseconds:F0} ms")]
    private partial void LogSearched(int pmids, int usable, int dropped, double milliseconds);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Warning, Message = "PubMed did not answer within its {BudgetMs} ms budget; the answer uses the local library")]
    private partial void LogOutOfTime(double budgetMs);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Warning, Message = "PubMed search failed ({Failure}); the answer uses the local library")]
    private partial void LogFailed(PubMedFailure failure);

    [LoggerMessage(EventId = 7109, Level = LogLevel.Debug, Message = "PubMed's circuit is open; the answer uses the local library")]
    private partial void LogCircuitOpen();

    [LoggerMessage(EventId = 7110, Level = LogLevel.Warning, Message = "The PubMed cache failed ({Exception}); searching without it")]
    private partial void LogCacheFailed(string exception);
}
