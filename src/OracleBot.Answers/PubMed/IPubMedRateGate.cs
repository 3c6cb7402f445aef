namespace OracleBot.Answers.PubMed;

/// <summary>
/// Paces requests to NCBI: at most <c>rate</c> requests a second as NCBI counts them — on arrival — across every
/// client that shares the gate (all instances, when the conversation store is Redis). A request holds one of
/// <c>rate</c> turns while it is under way, and its turn is free again a second after its response came back.
/// Whatever the network's delays, a request therefore arrives at least a second after the request that held
/// its turn before it had arrived (it had already answered), so no second ever sees more than <c>rate</c>.
/// </summary>
public interface IPubMedRateGate
{
    /// <summary>Requests allowed per window and the window, for a rate in requests a second.</summary>
    public static (int Requests, TimeSpan Window) Shape(double requestsPerSecond)
    {
        var requests = Math.Max(1, (int)Math.Floor(requestsPerSecond));
        return (requests, TimeSpan.FromSeconds(requests / requestsPerSecond) + TimeSpan.FromMilliseconds(20));
    }

    /// <summary>Waits for a free turn; null when none comes within <paramref name="maxWait"/>. End the turn when the response is in.</summary>
    ValueTask<IPubMedTurn?> WaitTurnAsync(TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>NCBI asked every client to hold off (429): no turn is given for <paramref name="delay"/> from now.</summary>
    ValueTask PauseAsync(TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>A turn held by one request.</summary>
public interface IPubMedTurn
{
    /// <summary>The request is over (answered, failed or abandoned): the turn is free a window from now.</summary>
    ValueTask EndAsync();
}
