using System.Globalization;
using System.Text;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// A fetched record as a knowledge document, so its passages are split, ranked and cited like the local
/// library's: kind from its publication types (Practice Guideline or Guideline → guideline, everything else →
/// research), the study design and year as its evidence label, the journal as its source, and the PubMed page
/// as its link.
/// </summary>
public static class PubMedDocuments
{
    /// <summary>Shown as the licence: PubMed abstracts stay their publishers'; OracleBot only cites them.</summary>
    public const string License = "Abstract from PubMed; copyright remains with the publisher. Cited, not redistributed.";

    // Most specific design first: a record typed both "Meta-Analysis" and "Review" is a meta-analysis.
    private static readonly (string Type, string Label)[] Designs =
    [
        ("Practice Guideline", "Practice guideline"),
        ("Guideline", "Guideline"),
        ("Consensus Development Conference", "Consensus statement"),
        ("Meta-Analysis", "Meta-analysis"),
        ("Systematic Review", "Systematic review"),
        ("Randomized Controlled Trial", "Randomized controlled trial"),
        ("Controlled Clinical Trial", "Controlled clinical trial"),
        ("Clinical Trial, Phase III", "Clinical trial (phase III)"),
        ("Clinical Trial, Phase II", "Clinical trial (phase II)"),
        ("Clinical Trial", "Clinical trial"),
        ("Multicenter Study", "Multicentre study"),
        ("Observational Study", "Observational study"),
        ("Comparative Study", "Comparative study"),
        ("Review", "Review"),
        ("Case Reports", "Case report"),
    ];

    public static DocumentKind KindOf(PubMedRecord record) =>
        record.PublicationTypes.Any(t => t.Equals("Practice Guideline", StringComparison.OrdinalIgnoreCase) || t.Equals("Guideline", StringComparison.OrdinalIgnoreCase))
            ? DocumentKind.Guideline
            : DocumentKind.Research;

    /// <summary>The study design in plain words ("Randomized controlled trial"), or null for a plain journal article.</summary>
    public static string? DesignOf(PubMedRecord record)
    {
        foreach (var (type, label) in Designs)
        {
            if (record.PublicationTypes.Any(t => t.Equals(type, StringComparison.OrdinalIgnoreCase)))
            {
                return label;
            }
        }

        return null;
    }

    /// <summary>"Journal · PubMed": what the citation shows as its source (the design is its evidence label).</summary>
    public static string SourceOf(PubMedRecord record) =>
        string.IsNullOrEmpty(record.Journal) ? "PubMed" : record.Journal + " · PubMed";

    /// <summary>The document id: the same <c>pmid:N</c> the local library uses, so a record held locally is recognised.</summary>
    public static string IdOf(PubMedRecord record) => "pmid:" + record.Pmid;

    public static KnowledgeDocument ToDocument(PubMedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var body = new StringBuilder();
        int? conclusion = null;
        foreach (var section in record.Sections)
        {
            if (body.Length > 0)
            {
                body.Append('\n');
            }

            if (section.Label is { Length: > 0 } label)
            {
                if (label.StartsWith("CONCLUSION", StringComparison.OrdinalIgnoreCase))
                {
                    conclusion ??= body.Length;
                }

                body.Append(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label.ToLowerInvariant())).Append(": ");
            }

            body.Append(section.Text);
        }

        var text = body.ToString();
        var id = IdOf(record);
        var title = string.IsNullOrWhiteSpace(record.Title) ? $"PubMed article PMID {record.Pmid}" : record.Title;
        return new KnowledgeDocument(
            id, title, DisplayTitles.For(id, title, record.Year, text), text, conclusion, KindOf(record), SourceOf(record),
            record.Year, record.Url, License, record.Meshes)
        {
            Design = DesignOf(record),
        };
    }
}
