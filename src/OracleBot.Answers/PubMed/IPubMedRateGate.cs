namespace OracleBot.Answers.PubMed;

/// <summary>
/// Paces requests to NCBI: at most <c>rate</c> requests in any second, counted across every client that shares
/// the gate (all instances, when the conversation store is Redis). A request reserves its turn before it is
/// sent, so no caller ever polls; a turn later than the caller can wait is not reserved at all.
/// </summary>
public interface IPubMedRateGate
{
    /// <summary>
    /// NCBI counts requests per second at its end; requests leave on time but travel at different speeds, so the
    /// window is a little longer than a second.
    /// </summary>
    public static readonly TimeSpan WindowMargin = TimeSpan.FromMilliseconds(150);

    /// <summary>Requests allowed per window and the window, for a rate in requests a second.</summary>
    public static (int Requests, TimeSpan Window) Shape(double requestsPerSecond)
    {
        var requests = Math.Max(1, (int)Math.Floor(requestsPerSecond));
        return (requests, TimeSpan.FromSeconds(requests / requestsPerSecond) + WindowMargin);
    }

    /// <summary>Waits for this request's turn; false (at once, nothing reserved) when the turn is further away than <paramref name="maxWait"/>.</summary>
    ValueTask<bool> WaitTurnAsync(TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>NCBI asked every client to hold off (429): no turn is given for <paramref name="delay"/> from now.</summary>
    ValueTask PauseAsync(TimeSpan delay, CancellationToken cancellationToken);
}
