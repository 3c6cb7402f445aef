namespace OracleBot.Answers.PubMed;

/// <summary>Why PubMed could not be used for a question.</summary>
public enum PubMedFailure
{
    /// <summary>Our own pacing had no turn for the request within the time left: not PubMed's fault.</summary>
    NoTurn,

    /// <summary>NCBI answered 429 and the time left did not allow waiting as long as it asked.</summary>
    RateLimited,

    /// <summary>A status other than 200, or the connection failed.</summary>
    Http,

    /// <summary>A 200 whose body is not what E-utilities returns.</summary>
    Malformed,

    /// <summary>The budget ran out.</summary>
    Timeout,
}

/// <summary>A PubMed request that did not give a usable result; the message names no query text.</summary>
public sealed class PubMedException(PubMedFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public PubMedFailure Failure { get; } = failure;

    /// <summary>Whether the failure is PubMed's (and counts towards the circuit breaker).</summary>
    public bool CountsAgainstPubMed => Failure is not PubMedFailure.NoTurn;
}
