using System.Diagnostics;
using OracleBot.Answers.PubMed;
using OracleBot.FunctionalTests.Conversations;
using OracleBot.PubMed;
using OracleBot.TestSupport.EUtilities;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace OracleBot.FunctionalTests.PubMed;

/// <summary>
/// PubMed's rate gate and cache in a real redis-server, as instances of the bot share them when the conversation
/// store is Redis: two instances together stay within NCBI's rate at the server, a 429 seen by one holds the
/// other, a search one made is reused by the other, and the cache keeps within its bound and its lifetimes.
/// </summary>
public sealed class PubMedRedisTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>, IDisposable
{
    private readonly ConnectionMultiplexer _connection = ConnectionMultiplexer.Connect(redis.Configuration);
    private readonly string _prefix = "pubmed-test-" + Guid.NewGuid().ToString("N")[..8] + ":";

    [Fact]
    public async Task Two_instances_sharing_redis_never_exceed_three_requests_a_second_together()
    {
        await using var first = await PubMedWorld.StartAsync(Shared("first@example.org", budget: "00:00:08"), conversationStore: true);
        await using var second = await PubMedWorld.StartAsync(Shared("second@example.org", budget: "00:00:08"), first.EUtilities, conversationStore: true);
        var questions = PubMedWorld.DevQuestions.Skip(400).Take(12).Select(q => q.Question).ToList();

        // Half the burst to each instance, all at once.
        await Task.WhenAll(questions.Select((q, i) => Task.Run(() => (i % 2 == 0 ? first : second).AskAsync(q))));

        var requests = first.EUtilities.Requests;
        var most = first.EUtilities.MaxRequestsWithin(TimeSpan.FromSeconds(1));
        var byInstance = requests.GroupBy(r => r.Parameters["email"]).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{requests.Count} requests ({string.Join(", ", byInstance.Select(p => $"{p.Key}: {p.Value}"))}) over {(requests[^1].At - requests[0].At).TotalSeconds:F2} s; at most {most} within any second");
        Assert.True(byInstance.GetValueOrDefault("first@example.org") > 1 && byInstance.GetValueOrDefault("second@example.org") > 1, "both instances must have searched");
        Assert.True(requests.Count > 6, "the burst sent too few requests to test the shared limit");
        Assert.InRange(most, 1, 3);
    }

    [Fact]
    public async Task A_search_one_instance_made_is_answered_from_redis_for_the_other()
    {
        await using var first = await PubMedWorld.StartAsync(Shared("first@example.org", generous: true), conversationStore: true);
        await using var second = await PubMedWorld.StartAsync(Shared("second@example.org", generous: true), first.EUtilities, conversationStore: true);
        var (question, gold) = PubMedWorld.DevQuestions.First(q => q.Gold == "pmid:25475395");

        var answer = await first.AskAsync(question);
        var sent = first.EUtilities.Requests.Count;
        Assert.Contains(answer.Citations, c => c.DocumentId == gold);
        var again = await second.AskAsync(question);

        Assert.Equal(sent, first.EUtilities.Requests.Count);
        Assert.Contains(again.Citations, c => c.DocumentId == gold);

        // Searches are kept for hours, records for days, and neither under its question's words.
        var database = _connection.GetDatabase();
        var keys = _connection.GetServer(redis.Configuration.Split(',')[0]).Keys(pattern: _prefix + "pubmed:c:*").Select(k => (string)k!).ToList();
        var searches = keys.Where(k => k.StartsWith(_prefix + "pubmed:c:s:", StringComparison.Ordinal)).ToList();
        var records = keys.Where(k => k.StartsWith(_prefix + "pubmed:c:r:", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, searches.Count);
        Assert.Contains(_prefix + "pubmed:c:r:25475395", records);
        foreach (var key in searches)
        {
            Assert.InRange((await database.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromHours(5.9), TimeSpan.FromHours(6));
        }

        foreach (var key in records)
        {
            Assert.InRange((await database.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromDays(6.99), TimeSpan.FromDays(7));
        }

        var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 6).ToList();
        Assert.All(keys, k => Assert.DoesNotContain(words, w => k.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task The_redis_cache_keeps_within_its_bound_dropping_the_oldest_first()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = new RedisPubMedCache(_connection, _prefix, capacity: 5, clock);
        for (var i = 0; i < 12; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1)); // each write after the last, so "oldest" is well defined
            await cache.SetAsync($"r:{i}", $"record {i}", TimeSpan.FromDays(7), CancellationToken.None);
        }

        Assert.Equal(5, await cache.CountAsync());
        for (var i = 0; i < 12; i++)
        {
            var value = await cache.GetAsync($"r:{i}", CancellationToken.None);
            Assert.Equal(i >= 7 ? $"record {i}" : null, value);
        }

        var ttl = await _connection.GetDatabase().KeyTimeToLiveAsync(_prefix + "pubmed:c:r:11");
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(6.99), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task The_redis_gate_shares_its_turns_and_a_pause_between_instances()
    {
        using var other = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var a = new RedisPubMedRateGate(_connection, _prefix, 3);
        var b = new RedisPubMedRateGate(other, _prefix, 3);

        var turns = new List<IPubMedTurn>();
        foreach (var gate in new[] { a, b, a })
        {
            turns.Add(Assert.IsAssignableFrom<IPubMedTurn>(await gate.WaitTurnAsync(TimeSpan.Zero, CancellationToken.None)));
        }

        // All three turns are taken, one of them on the other instance: neither instance gets a fourth.
        Assert.Null(await b.WaitTurnAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None));
        Assert.Null(await a.WaitTurnAsync(TimeSpan.Zero, CancellationToken.None));

        // A turn ended is free again a second later, on either instance.
        var ended = Stopwatch.GetTimestamp();
        await turns[1].EndAsync();
        var fourth = await a.WaitTurnAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.NotNull(fourth);
        Assert.InRange(Stopwatch.GetElapsedTime(ended), TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(4));

        // NCBI's 429 seen by one instance holds the other too, for the Retry-After.
        await turns[0].EndAsync();
        await turns[2].EndAsync();
        await fourth.EndAsync();
        await a.PauseAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Null(await b.WaitTurnAsync(TimeSpan.FromSeconds(2), CancellationToken.None));
    }

    public void Dispose() => _connection.Dispose();

    // NCBI's rate for a client without a key (3 a second) unless generous; a budget long enough for the burst to
    // go on asking for several seconds.
    private Dictionary<string, string?> Shared(string email, bool generous = false, string budget = "00:00:10")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Conversations:Store"] = "Redis",
            ["Conversations:Redis"] = redis.Configuration,
            ["Conversations:RedisKeyPrefix"] = _prefix,
            ["Answers:PubMed:Email"] = email,
            ["Answers:PubMed:Budget"] = budget,
        };
        if (generous)
        {
            settings["Answers:PubMed:RequestsPerSecond"] = "10";
        }

        return settings;
    }
}
