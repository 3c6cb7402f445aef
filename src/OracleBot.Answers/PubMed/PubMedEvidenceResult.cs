namespace OracleBot.Answers.PubMed;

/// <summary>How a PubMed search for one question ended.</summary>
public enum PubMedOutcome
{
    /// <summary>Records arrived within the budget (possibly none matched).</summary>
    Searched,

    /// <summary>No topic term was left to send once identifiers and stop words were removed: nothing was sent.</summary>
    NothingToSend,

    /// <summary>The budget ran out, or our own pacing had no turn in time.</summary>
    NotInTime,

    /// <summary>PubMed failed, or its circuit is open.</summary>
    Unavailable,
}

/// <param name="Records">Usable records (never retracted, always with an abstract), most wanted first.</param>
public sealed record PubMedEvidenceResult(PubMedOutcome Outcome, IReadOnlyList<PubMedRecord> Records)
{
    /// <summary>True when the answer should say that PubMed could not be searched this time.</summary>
    public bool Missed => Outcome is PubMedOutcome.NotInTime or PubMedOutcome.Unavailable;
}
