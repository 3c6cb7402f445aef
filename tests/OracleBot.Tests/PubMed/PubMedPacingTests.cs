using OracleBot.Answers.PubMed;
using Polly.CircuitBreaker;

namespace OracleBot.Tests.PubMed;

public sealed class PubMedPacingTests
{
    [Fact]
    public async Task The_gate_gives_at_most_the_rate_and_frees_a_turn_a_window_after_its_request_ends()
    {
        var gate = new LocalPubMedRateGate(3, TimeProvider.System);
        var turns = new List<IPubMedTurn>();
        for (var i = 0; i < 3; i++)
        {
            turns.Add(Assert.IsAssignableFrom<IPubMedTurn>(await gate.WaitTurnAsync(TimeSpan.Zero, CancellationToken.None)));
        }

        // Three requests under way: no fourth, however long they take.
        Assert.Null(await gate.WaitTurnAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));
        var ended = System.Diagnostics.Stopwatch.GetTimestamp();
        await turns[0].EndAsync();
        Assert.Null(await gate.WaitTurnAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None));
        Assert.NotNull(await gate.WaitTurnAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(ended) >= TimeSpan.FromSeconds(1), "a turn came back sooner than a second after its request ended");
    }

    [Fact]
    public async Task A_pause_holds_every_turn_until_it_ends()
    {
        var clock = new Clock();
        var gate = new LocalPubMedRateGate(10, clock);
        await gate.PauseAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        Assert.Null(await gate.WaitTurnAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(await gate.WaitTurnAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public void The_circuit_opens_after_failures_in_a_row_lets_one_probe_through_and_closes_on_success()
    {
        var clock = new Clock();
        var circuit = new PubMedCircuit(new PubMedOptions { BreakerFailures = 2, BreakDuration = TimeSpan.FromSeconds(30) }, clock);
        Assert.True(circuit.TryEnter());
        circuit.Failed();
        Assert.Equal(new PubMedStatus(CircuitState.Closed, 1), circuit.Current);
        Assert.True(circuit.TryEnter());
        circuit.Failed();
        Assert.Equal(CircuitState.Open, circuit.Current.Circuit);
        Assert.False(circuit.TryEnter());

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(CircuitState.HalfOpen, circuit.Current.Circuit);
        Assert.True(circuit.TryEnter());
        Assert.False(circuit.TryEnter()); // one probe at a time
        circuit.Failed();
        Assert.Equal(CircuitState.Open, circuit.Current.Circuit);

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(circuit.TryEnter());
        circuit.Succeeded();
        Assert.Equal(new PubMedStatus(CircuitState.Closed, 0), circuit.Current);
    }

    [Fact]
    public async Task The_memory_cache_forgets_expired_entries_and_keeps_within_its_capacity()
    {
        var clock = new Clock();
        var cache = new MemoryPubMedCache(2, clock);
        await cache.SetAsync("a", "1", TimeSpan.FromMinutes(1), CancellationToken.None);
        await cache.SetAsync("b", "2", TimeSpan.FromHours(1), CancellationToken.None);
        await cache.SetAsync("c", "3", TimeSpan.FromHours(1), CancellationToken.None);
        Assert.Equal(2, cache.Count);
        Assert.Null(await cache.GetAsync("a", CancellationToken.None));
        Assert.Equal("3", await cache.GetAsync("c", CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(await cache.GetAsync("b", CancellationToken.None));
    }

    [Fact]
    public void Merged_pmids_alternate_between_the_searches_without_repeats()
    {
        var merged = PubMedSearcher.Merge([["g1", "g2"], null, ["t1", "g1"], ["b1", "b2", "b3"]], 5);
        Assert.Equal(["g1", "t1", "b1", "g2", "b2"], merged);
    }

    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
