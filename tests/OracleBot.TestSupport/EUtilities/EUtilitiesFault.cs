namespace OracleBot.TestSupport.EUtilities;

/// <summary>What the stand-in does wrong, set by a test while it runs.</summary>
public enum EUtilitiesFaultKind
{
    None,

    /// <summary>429, with a Retry-After of <see cref="EUtilitiesFault.RetryAfter"/> when it is set.</summary>
    TooManyRequests,

    /// <summary>The response waits <see cref="EUtilitiesFault.Delay"/> before it is sent (a hang, when long).</summary>
    Slow,

    /// <summary>500 with NCBI's kind of plain error text.</summary>
    ServerError,

    /// <summary>efetch returns XML cut off in the middle; esearch works.</summary>
    MalformedXml,

    /// <summary>esearch finds nothing.</summary>
    Empty,
}

/// <param name="Requests">How many requests get the fault before the server behaves again; null = all.</param>
public sealed record EUtilitiesFault(EUtilitiesFaultKind Kind, TimeSpan? RetryAfter = null, TimeSpan Delay = default, int? Requests = null)
{
    public static EUtilitiesFault None { get; } = new(EUtilitiesFaultKind.None);
}

/// <summary>One request as the stand-in received it.</summary>
/// <param name="At">When it arrived, on the server's clock.</param>
/// <param name="Utility"><c>esearch</c> or <c>efetch</c> (or whatever path was asked for).</param>
/// <param name="RawQuery">The query string exactly as sent.</param>
/// <param name="SentCookie">The request carried a <c>Cookie</c> header (the server sets one on every response).</param>
public sealed record EUtilitiesRequest(TimeSpan At, string Utility, string RawQuery, IReadOnlyDictionary<string, string> Parameters, int Status, bool SentCookie);
