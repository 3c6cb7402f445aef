namespace OracleBot.Answers.PubMed;

/// <summary>One PubMed citation as <c>efetch</c> returns it (the parts an answer cites).</summary>
/// <param name="Pmid">PubMed's id, digits only.</param>
/// <param name="Sections">The abstract, section by section; a structured abstract's labels are kept.</param>
/// <param name="Journal">The journal's title, or its abbreviation when the title is missing.</param>
/// <param name="PublicationTypes">PubMed's publication types, e.g. "Randomized Controlled Trial".</param>
/// <param name="Meshes">MeSH descriptor names.</param>
public sealed record PubMedRecord(
    string Pmid,
    string Title,
    IReadOnlyList<AbstractSection> Sections,
    string? Journal,
    int? Year,
    IReadOnlyList<string> PublicationTypes,
    IReadOnlyList<string> Meshes,
    string? Doi)
{
    /// <summary>The page every citation of this record links to.</summary>
    public string Url => $"https://pubmed.ncbi.nlm.nih.gov/{Pmid}/";

    /// <summary>Retracted, or itself a retraction notice: never cited.</summary>
    public bool IsRetracted => PublicationTypes.Any(t =>
        t.Equals("Retracted Publication", StringComparison.OrdinalIgnoreCase) || t.Equals("Retraction of Publication", StringComparison.OrdinalIgnoreCase));

    public bool HasAbstract => Sections.Any(s => s.Text.Length > 0);
}

/// <param name="Label">The section's label ("BACKGROUND", "RESULTS" …), null for an unstructured abstract.</param>
public sealed record AbstractSection(string? Label, string Text);
