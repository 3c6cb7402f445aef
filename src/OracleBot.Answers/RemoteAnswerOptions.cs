namespace OracleBot.Answers;

/// <summary>Settings of the HTTP client for a remote answer service (section <c>Answers:Remote</c>).</summary>
public sealed class RemoteAnswerOptions
{
    /// <summary>Base address of the answer service, e.g. <c>http://answers:8080/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for the whole call, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Retries after a transient failure (connection error, 408, 429, 5xx).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The circuit opens when at least this many attempts failed in the last minute and none succeeded; at least 2.</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How long an open circuit fails calls at once before one call tries the service again (0.5 s to 1 day).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
