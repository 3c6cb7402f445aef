using System.Text.Json.Nodes;
using OracleBot.Cards;

namespace OracleBot.Tests.Cards;

public sealed class EvidenceCardTests
{
    private static IEnumerable<JsonNode> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { node }.Concat(o.SelectMany(p => Descendants(p.Value))),
        JsonArray a => a.SelectMany(Descendants),
        null => [],
        _ => [node],
    };

    private static List<string> Texts(JsonNode node) =>
        [.. Descendants(node).OfType<JsonObject>().Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!)];

    [Fact]
    public void Sections_are_headed_by_kind_in_the_order_given()
    {
        var card = CardTestData.Factory().Answer(EvidenceCardData.Answer(), "physician");

        var texts = Texts(card);
        Assert.True(texts.IndexOf("From the Guidelines") >= 0 && texts.IndexOf("From the Guidelines") < texts.IndexOf("From Evidence Summaries"));
    }

    [Fact]
    public void A_reference_entry_shows_its_section_evidence_and_last_update_without_expanding()
    {
        var card = CardTestData.Factory().Answer(EvidenceCardData.Answer(), "physician");

        var entry = Descendants(card).OfType<JsonObject>()
            .First(o => (string?)o["type"] == "ColumnSet" && Texts(o).Any(t => t.StartsWith("Pancreatic Neuroendocrine Tumors", StringComparison.Ordinal)));
        var texts = Texts(entry);
        Assert.Contains(EvidenceCardData.PnetSection, texts);
        Assert.Contains(EvidenceCardData.PnetEvidence, texts);
        Assert.Contains("Updated 2025-05-09 · NCI PDQ® (National Cancer Institute)", texts);
        Assert.Contains("Evidence summary", texts);

        var guideline = Descendants(card).OfType<JsonObject>()
            .First(o => (string?)o["type"] == "ColumnSet" && Texts(o).Any(t => t.StartsWith("Statin Use", StringComparison.Ordinal)));
        Assert.Contains(EvidenceCardData.StatinEvidence, Texts(guideline));
        Assert.Contains("2022 · U.S. Preventive Services Task Force", Texts(guideline));
    }

    [Fact]
    public void The_citation_card_lists_section_evidence_and_update_as_facts()
    {
        var card = CardTestData.Factory().Citation(EvidenceCardData.Pnet(1));

        var facts = Descendants(card).OfType<JsonObject>().Where(o => o["facts"] is not null)
            .SelectMany(o => o["facts"]!.AsArray()).ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal(EvidenceCardData.PnetSection, facts["Section"]);
        Assert.Equal(EvidenceCardData.PnetEvidence, facts["Evidence"]);
        Assert.Equal("2025-05-09", facts["Updated"]);
    }

    [Fact]
    public void A_reference_without_evidence_shows_no_empty_lines()
    {
        var card = CardTestData.Factory().Citation(CardTestData.PericarditisReference());

        var facts = Descendants(card).OfType<JsonObject>().Where(o => o["facts"] is not null).SelectMany(o => o["facts"]!.AsArray()).ToList();
        Assert.DoesNotContain(facts, f => (string)f!["title"]! is "Section" or "Evidence" or "Updated");
        Assert.DoesNotContain(string.Empty, Texts(CardTestData.Factory().Answer(CardTestData.Pericarditis(), "physician")));
    }

    [Fact]
    public void The_citation_pill_leads_with_the_evidence_and_names_the_update()
    {
        var entity = TeamsAiEntity.ForAnswer(EvidenceCardData.Answer());

        var appearance = entity["citation"]![0]!["appearance"]!;
        var preview = appearance["abstract"]!.GetValue<string>();
        Assert.StartsWith(EvidenceCardData.PnetEvidence + " · Treatment Option Overview", preview, StringComparison.Ordinal);
        Assert.InRange(preview.Length, 1, TeamsAiEntity.MaxAbstractLength);
        Assert.Equal(["Evidence summary", "Updated 2025-05-09"], appearance["keywords"]!.AsArray().Take(2).Select(k => k!.GetValue<string>()));
    }
}
