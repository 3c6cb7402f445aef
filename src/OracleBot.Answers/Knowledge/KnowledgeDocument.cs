using OracleBot.Answers.Contract;

namespace OracleBot.Answers.Knowledge;

/// <summary>One document of the knowledge base, with the citation metadata the seed data carries.</summary>
/// <param name="Id">Stable document id, e.g. <c>pmid:21645374</c> or <c>medquad:CancerGov:0000001_1</c>.</param>
/// <param name="Title">The title as given by the data (PubMedQA: a placeholder naming the PMID).</param>
/// <param name="DisplayTitle">The title to show: the real title, or PMID, year and first words where there is none.</param>
/// <param name="Body">The indexed text: the document text, then the conclusion on its own line when there is one.</param>
/// <param name="ConclusionStart">Offset of the conclusion within <see cref="Body"/>; null when there is none.</param>
/// <param name="Meshes">MeSH terms (PubMedQA); empty elsewhere.</param>
public sealed record KnowledgeDocument(
    string Id,
    string Title,
    string DisplayTitle,
    string Body,
    int? ConclusionStart,
    DocumentKind Kind,
    string Source,
    int? Year,
    string Url,
    string License,
    IReadOnlyList<string> Meshes)
{
    // Document ids are unique in a knowledge base (duplicates are dropped when it is loaded); comparing them
    // spares hashing the whole body, which the generated record equality would do.
    public bool Equals(KnowledgeDocument? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>Strength of a recommendation as its issuer grades it (USPSTF: A, B, C, D or I); null when not given.</summary>
    public string? Grade { get; init; }

    /// <summary>Recommendation category (CDC: A applies to all persons, B calls for individual decision making).</summary>
    public string? Category { get; init; }

    /// <summary>Type of the evidence behind a recommendation (CDC: 1 strongest to 4 weakest).</summary>
    public string? EvidenceType { get; init; }

    /// <summary>The study design a PubMed record's publication types give ("Randomized controlled trial"), when known.</summary>
    public string? Design { get; init; }

    /// <summary>The date the document was last updated (PDQ's "Latest Updates"), when known.</summary>
    public DateOnly? Updated { get; init; }

    /// <summary>Level-of-evidence ratings taken out of the text, in body order.</summary>
    public IReadOnlyList<EvidenceMark> EvidenceMarks { get; init; } = [];

    /// <summary>The conclusion section (PubMedQA), or null.</summary>
    public string? Conclusion => ConclusionStart is { } start ? Body[start..] : null;
}
