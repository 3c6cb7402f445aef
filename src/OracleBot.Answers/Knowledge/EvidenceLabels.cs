using System.Globalization;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Knowledge;

/// <summary>
/// Short labels for the strength of evidence a source gives: the grade or category of a recommendation,
/// the design of a study and the level of evidence of a quoted statement. The meanings of USPSTF grades are paraphrased, not
/// quoted, and only the issuer's own scales are named.
/// </summary>
public static class EvidenceLabels
{
    /// <summary>The label of a cited passage: the document's grade or category, then the quoted statement's level of evidence.</summary>
    /// <param name="statement">The quoted sentence, or null when the statement is not a quotation of one sentence.</param>
    public static string? For(Passage passage, TextRange? statement)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var level = statement is { } range ? passage.EvidenceLevelFor(range) : null;
        return Combine(For(passage.Document), level is null ? [] : [level]);
    }

    /// <summary>A document's label followed by levels of evidence: "Level of evidence C2; B1".</summary>
    public static string? Combine(string? documentLabel, IReadOnlyCollection<string> levels)
    {
        if (levels.Count == 0)
        {
            return documentLabel;
        }

        var level = string.Join("; ", levels);
        return documentLabel is null ? "Level of evidence " + level : documentLabel + "; level of evidence " + level;
    }

    /// <summary>The document's own grade or category label, or null when it carries none.</summary>
    public static string? For(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Category is not null || document.EvidenceType is not null)
        {
            var issuer = IsCdc(document) ? "CDC " : string.Empty;
            var category = document.Category is { } c
                ? $"{issuer}category {c}{CategoryMeaning(document, c)}"
                : null;
            var type = document.EvidenceType is { } t ? $"evidence type {t}{EvidenceTypeMeaning(document, t)}" : null;
            return category is not null && type is not null
                ? category + ", " + type
                : Capitalise(category ?? issuer + type);
        }

        // A study's design is its strength of evidence, read with its year: a 1995 trial weighs less than a 2023 one.
        if (document.Design is { } design)
        {
            return document.Year is { } year ? $"{design}, {year.ToString(CultureInfo.InvariantCulture)}" : design;
        }

        if (document.Grade is { } grade)
        {
            return IsUspstf(document) && UspstfMeaning(grade) is { } meaning
                ? $"USPSTF grade {grade}: {meaning}"
                : "Grade " + grade;
        }

        return null;
    }

    /// <summary>A plain reading of a USPSTF letter grade, in this project's words.</summary>
    public static string? UspstfMeaning(string grade) => grade.Trim().ToUpperInvariant() switch
    {
        "A" => "recommended; the net benefit is substantial and certain",
        "B" => "recommended; the net benefit is moderate",
        "C" => "offer to selected patients; the net benefit is small",
        "D" => "recommended against; no net benefit, or harms outweigh benefits",
        "I" => "the evidence is too thin to weigh benefits against harms",
        _ => null,
    };

    private static string CategoryMeaning(KnowledgeDocument document, string category) =>
        !IsCdc(document) ? string.Empty : category.Trim().ToUpperInvariant() switch
        {
            "A" => " (applies to most patients)",
            "B" => " (an individual decision)",
            _ => string.Empty,
        };

    private static string EvidenceTypeMeaning(KnowledgeDocument document, string type) =>
        IsCdc(document) && int.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4
            ? " of 4 (1 strongest)"
            : string.Empty;

    private static bool IsUspstf(KnowledgeDocument document) =>
        document.Id.StartsWith("uspstf:", StringComparison.Ordinal)
        || document.Source.Contains("Preventive Services Task Force", StringComparison.OrdinalIgnoreCase)
        || document.Source.Contains("USPSTF", StringComparison.Ordinal);

    private static bool IsCdc(KnowledgeDocument document) =>
        document.Id.StartsWith("cdc:", StringComparison.Ordinal)
        || document.Source.Contains("Centers for Disease Control", StringComparison.OrdinalIgnoreCase)
        || document.Source.Contains("(CDC)", StringComparison.Ordinal);

    private static string? Capitalise(string? text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
