namespace OracleBot.Answers.Contract;

/// <summary>
/// What kind of evidence a document is; decides the answer section it lands in. JSON writes the names
/// ("guideline", "summary", "research", "reference"). The numbers are kept stable because binary index
/// snapshots store them; they say nothing about authority (see the composer's section order).
/// </summary>
public enum DocumentKind
{
    /// <summary>A recommendation of a guideline body (USPSTF, CDC, an organisation's own guidelines).</summary>
    Guideline = 0,

    /// <summary>Plain-language reference pages for the public (NIH pages of MedQuAD).</summary>
    Reference = 1,

    /// <summary>Studies: PubMed abstracts, SciFact, PubMedQA.</summary>
    Research = 2,

    /// <summary>Evidence summaries such as NCI PDQ Health Professional summaries; not guidelines.</summary>
    Summary = 3,
}
