using System.Globalization;
using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards.Text;

namespace OracleBot.Cards.Answers;

/// <summary>
/// The data of one cited source, bound both into the answer card's expandable references and into
/// the standalone <c>cards/citation.json</c>. Field names are those of <c>cards/citation.data.json</c>.
/// </summary>
internal static class CitationCardData
{
    public const int MaxTitle = 200;
    public const int MaxSource = 120;
    public const int MaxLicense = 80;
    public const int MaxExcerpt = 600;
    public const int MaxSection = 200;
    public const int MaxEvidence = 160;

    public static JsonObject Build(Citation citation)
    {
        var url = SafeUrl.HttpOrNull(citation.Url);
        var title = string.IsNullOrWhiteSpace(citation.Title) ? citation.DocumentId : citation.Title;
        var year = citation.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var source = CardText.Markdown(citation.Source, MaxSource);
        var license = CardText.Markdown(citation.License, MaxLicense);
        var section = CardText.Markdown(citation.Section, MaxSection);
        var evidence = CardText.Markdown(citation.Evidence, MaxEvidence);
        var updated = citation.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

        // An evidence summary is dated by its last update; other sources by their year.
        var dated = updated.Length > 0 ? "Updated " + updated : year;
        return new JsonObject
        {
            ["number"] = citation.Number,
            ["marker"] = $"[{citation.Number}]",
            ["title"] = CardText.Markdown(title, MaxTitle),
            ["plainTitle"] = CardText.Plain(title, MaxTitle),
            ["speakTitle"] = CardText.Speech(title, MaxTitle),
            ["kind"] = KindLabel(citation.Kind),
            ["kindColor"] = citation.Kind switch
            {
                DocumentKind.Guideline => "Good",
                DocumentKind.Summary => "Good",
                DocumentKind.Reference => "Accent",
                _ => "Default",
            },
            ["details"] = dated.Length > 0 ? $"{dated} · {source}" : source,
            ["hasYear"] = year.Length > 0,
            ["year"] = year,
            ["source"] = source.Length > 0 ? source : "Unknown source",
            ["license"] = license.Length > 0 ? license : "Not stated",
            ["hasSection"] = section.Length > 0,
            ["section"] = section,
            ["hasEvidence"] = evidence.Length > 0,
            ["evidence"] = evidence,
            ["hasUpdated"] = updated.Length > 0,
            ["updated"] = updated,
            ["excerpt"] = CardText.Markdown(citation.Excerpt, MaxExcerpt),
            ["hasUrl"] = url is not null,
            ["url"] = url ?? string.Empty,
        };
    }

    public static string KindLabel(DocumentKind kind) => kind switch
    {
        DocumentKind.Guideline => "Guideline",
        DocumentKind.Summary => "Evidence summary",
        DocumentKind.Reference => "Reference",
        _ => "Research",
    };
}
