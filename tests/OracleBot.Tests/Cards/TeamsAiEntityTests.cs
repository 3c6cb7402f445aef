using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards;

namespace OracleBot.Tests.Cards;

public sealed class TeamsAiEntityTests
{
    [Fact]
    public void Entity_labels_ai_content_and_maps_citation_numbers_to_positions()
    {
        var entity = TeamsAiEntity.ForAnswer(CardTestData.Pericarditis());

        Assert.Equal("https://schema.org/Message", entity["type"]!.GetValue<string>());
        Assert.Equal("Message", entity["@type"]!.GetValue<string>());
        Assert.Equal("https://schema.org", entity["@context"]!.GetValue<string>());
        Assert.Equal("AIGeneratedContent", entity["additionalType"]![0]!.GetValue<string>());
        var citations = entity["citation"]!.AsArray();
        Assert.Equal([1, 2], citations.Select(c => c!["position"]!.GetValue<int>()));
        var first = citations[0]!["appearance"]!;
        Assert.Equal("DigitalDocument", first["@type"]!.GetValue<string>());
        Assert.Equal("Pericarditis (NHLBI)", first["name"]!.GetValue<string>());
        Assert.Equal("http://www.nhlbi.nih.gov/health/health-topics/topics/peri", first["url"]!.GetValue<string>());
        Assert.Contains("Reference", first["keywords"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Fact]
    public void Entity_enforces_teams_limits()
    {
        var longText = string.Concat(Enumerable.Repeat("very long words ", 100));
        var citations = Enumerable.Range(1, 25)
            .Select(n => CardTestData.PericarditisReference(n) with
            {
                Title = longText,
                Excerpt = longText,
                Source = longText,
                Year = 2020,
                Url = n % 2 == 0 ? "javascript:alert(1)" : "https://ok.example/" + n,
            })
            .ToList();
        var answer = CardTestData.Pericarditis() with { Citations = citations };

        var entity = TeamsAiEntity.ForAnswer(answer);

        var items = entity["citation"]!.AsArray();
        Assert.Equal(20, items.Count);
        Assert.Equal(Enumerable.Range(1, 20), items.Select(c => c!["position"]!.GetValue<int>()));
        foreach (var item in items)
        {
            var appearance = item!["appearance"]!.AsObject();
            Assert.InRange(appearance["name"]!.GetValue<string>().Length, 1, 80);
            Assert.InRange(appearance["abstract"]!.GetValue<string>().Length, 1, 160);
            var keywords = appearance["keywords"]!.AsArray();
            Assert.InRange(keywords.Count, 1, 3);
            Assert.All(keywords, k => Assert.InRange(k!.GetValue<string>().Length, 1, 28));
            if (appearance["url"] is JsonNode url)
            {
                Assert.StartsWith("https://", url.GetValue<string>(), StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("javascript", entity.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Citation_without_title_still_has_a_name()
    {
        var answer = CardTestData.Pericarditis() with { Citations = [CardTestData.PericarditisReference() with { Title = " " }] };
        var name = TeamsAiEntity.ForAnswer(answer)["citation"]![0]!["appearance"]!["name"]!.GetValue<string>();
        Assert.Equal("medquad:NHLBI:0000100", name);
    }
}
