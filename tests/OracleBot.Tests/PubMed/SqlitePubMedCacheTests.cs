using OracleBot.PubMed;
using OracleBot.Tests.Answers;
using OracleBot.Tests.Protocol;

namespace OracleBot.Tests.PubMed;

/// <summary>The single instance's PubMed cache file: lifetimes, its bound, and a restart.</summary>
public sealed class SqlitePubMedCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ManualTimeProvider _clock = new();

    private string CachePath => System.IO.Path.Combine(_temp.Path, "data", SqlitePubMedCache.FileName);

    [Fact]
    public async Task A_search_is_gone_after_its_hours_and_a_record_after_its_days()
    {
        using var cache = new SqlitePubMedCache(CachePath, 100, _clock);
        await cache.SetAsync("s:search", "1,2,3", TimeSpan.FromHours(6), CancellationToken.None);
        await cache.SetAsync("r:1", "{\"record\":1}", TimeSpan.FromDays(7), CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        Assert.Equal("1,2,3", await cache.GetAsync("s:search", CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await cache.GetAsync("s:search", CancellationToken.None));
        Assert.Equal("{\"record\":1}", await cache.GetAsync("r:1", CancellationToken.None));

        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(6));
        Assert.Null(await cache.GetAsync("r:1", CancellationToken.None));
    }

    [Fact]
    public async Task It_keeps_within_its_bound_dropping_the_oldest_and_the_expired_first()
    {
        using var cache = new SqlitePubMedCache(CachePath, 10, _clock);
        await cache.SetAsync("s:short", "x", TimeSpan.FromMilliseconds(5), CancellationToken.None);
        for (var i = 1; i < 64; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await cache.SetAsync($"r:{i}", $"record {i}", TimeSpan.FromDays(7), CancellationToken.None);
        }

        // Trimmed on the 64th write: the expired entry and the oldest beyond ten are deleted.
        Assert.Equal(10, cache.Count);
        Assert.Null(await cache.GetAsync("s:short", CancellationToken.None));
        for (var i = 1; i < 64; i++)
        {
            Assert.Equal(i >= 54 ? $"record {i}" : null, await cache.GetAsync($"r:{i}", CancellationToken.None));
        }

        // Between trims it never holds more than one trim's worth of writes beyond its bound.
        for (var i = 64; i < 64 + 31; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await cache.SetAsync($"r:{i}", $"record {i}", TimeSpan.FromDays(7), CancellationToken.None);
            Assert.InRange(cache.Count, 10, 10 + 31);
        }
    }

    [Fact]
    public async Task Entries_survive_a_restart_with_their_lifetimes()
    {
        using (var cache = new SqlitePubMedCache(CachePath, 100, _clock))
        {
            await cache.SetAsync("s:search", "1,2,3", TimeSpan.FromHours(6), CancellationToken.None);
            await cache.SetAsync("r:1", "{\"record\":1}", TimeSpan.FromDays(7), CancellationToken.None);
        }

        using var reopened = new SqlitePubMedCache(CachePath, 100, _clock);
        Assert.Equal(2, reopened.Count);
        Assert.Equal("1,2,3", await reopened.GetAsync("s:search", CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(7));
        Assert.Null(await reopened.GetAsync("s:search", CancellationToken.None));
        Assert.Equal("{\"record\":1}", await reopened.GetAsync("r:1", CancellationToken.None));
    }

    public void Dispose() => _temp.Dispose();
}
