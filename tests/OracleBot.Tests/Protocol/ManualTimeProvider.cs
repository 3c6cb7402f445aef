namespace OracleBot.Tests.Protocol;

/// <summary>A clock the test moves by hand, for cache expiry and refresh intervals.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
