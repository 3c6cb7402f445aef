namespace OracleBot.FunctionalTests.Conversations;

/// <summary>Wall-clock time the test moves by hand, for leases and retention.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
