using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards.Answers;
using OracleBot.Cards.Text;

namespace OracleBot.Cards;

/// <summary>
/// The schema.org Message entity Teams reads for the "AI generated" label and the citation pills
/// behind the <c>[n]</c> markers of the message text. Teams rejects the whole message (400) when the
/// limits below are broken, so they are enforced here.
/// </summary>
public static class TeamsAiEntity
{
    public const int MaxCitations = 20;
    public const int MaxNameLength = 80;
    public const int MaxAbstractLength = 160;
    public const int MaxKeywords = 3;
    public const int MaxKeywordLength = 28;

    /// <summary>
    /// Largest serialized entity. With the answer card's own budget (<see cref="CardsOptions.MaxCardBytes"/>)
    /// and the envelope this keeps the whole activity under Teams' recommended 80 KB.
    /// </summary>
    public const int MaxBytes = 16_000;

    // Dropped in this order, from the last citation backwards, until the entity fits MaxBytes.
    private static readonly string[] OptionalFields = ["abstract", "keywords", "url"];

    /// <summary>The entity for <paramref name="answer"/>: AI label plus at most 20 citations, position = citation number.</summary>
    public static JsonObject ForAnswer(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var citations = new JsonArray();
        foreach (var citation in answer.Citations.Where(c => c.Number > 0).DistinctBy(c => c.Number).OrderBy(c => c.Number).Take(MaxCitations))
        {
            citations.Add(new JsonObject
            {
                ["@type"] = "Claim",
                ["position"] = citation.Number,
                ["appearance"] = Appearance(citation),
            });
        }

        var entity = new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            ["additionalType"] = new JsonArray("AIGeneratedContent"),
            ["citation"] = citations,
        };
        FitBudget(entity, citations);
        return entity;
    }

    private static void FitBudget(JsonObject entity, JsonArray citations)
    {
        if (CardSize.EstimateSizeBytes(entity) <= MaxBytes)
        {
            return;
        }

        foreach (var field in OptionalFields)
        {
            for (var i = citations.Count - 1; i >= 0; i--)
            {
                if (citations[i]!["appearance"]!.AsObject().Remove(field) && CardSize.EstimateSizeBytes(entity) <= MaxBytes)
                {
                    return;
                }
            }
        }
    }

    private static JsonObject Appearance(Citation citation)
    {
        var name = CardText.Plain(citation.Title, MaxNameLength);
        if (name.Length == 0)
        {
            name = CardText.Plain(citation.DocumentId, MaxNameLength);
        }

        var appearance = new JsonObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = name.Length > 0 ? name : $"Source {citation.Number}",
        };

        // The pill's preview leads with what a clinician weighs first: the strength of evidence and the
        // section the passage comes from, then as much of the passage as fits.
        var lead = string.Join(" · ", new[] { citation.Evidence, citation.Section }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var summary = CardText.Plain(lead.Length > 0 ? lead + ": " + citation.Excerpt : citation.Excerpt, MaxAbstractLength);
        if (summary.Length > 0)
        {
            appearance["abstract"] = summary;
        }

        if (SafeUrl.HttpOrNull(citation.Url) is { } url)
        {
            appearance["url"] = url;
        }

        var keywords = new JsonArray();
        foreach (var keyword in Keywords(citation).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxKeywords))
        {
            keywords.Add(keyword);
        }

        appearance["keywords"] = keywords;
        return appearance;
    }

    private static IEnumerable<string> Keywords(Citation citation)
    {
        yield return AnswerCardData.KindLabel(citation.Kind);
        if (citation.Updated is { } updated)
        {
            yield return "Updated " + updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (citation.Year is { } year)
        {
            yield return year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        yield return CardText.Plain(citation.Source, MaxKeywordLength);
    }
}
