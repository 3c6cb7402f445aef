using System.Text.Json.Nodes;
using OracleBot.Cards.Templating;

namespace OracleBot.Tests.Cards;

public sealed class CardTemplatesTests
{
    public static TheoryData<string> TemplateNames => [.. CardTemplateCatalog.RequiredNames];

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Every_template_binds_its_sample_data_completely(string name)
    {
        var directory = CardTestData.TemplatesDirectory;
        var template = CardTemplate.Compile(name, File.ReadAllText(Path.Combine(directory, name + ".json")));
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, name + ".data.json")));

        var card = template.BindObject(data);

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var json = card.ToJsonString();
        Assert.DoesNotContain("${", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$data", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$when", json, StringComparison.Ordinal);
        Assert.DoesNotContain(":null", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Every_text_block_wraps_and_no_colour_is_hard_coded(string name)
    {
        var json = File.ReadAllText(Path.Combine(CardTestData.TemplatesDirectory, name + ".json"));
        var template = JsonNode.Parse(json)!;
        foreach (var node in Descendants(template).OfType<JsonObject>())
        {
            if (node["type"]?.GetValue<string>() == "TextBlock")
            {
                Assert.True(node["wrap"]?.GetValue<bool>(), $"TextBlock without wrap in {name}: {node.ToJsonString()}");
            }

            if (node["columns"] is JsonArray columns)
            {
                Assert.True(columns.Count <= 3, $"more than 3 columns in {name}");
            }

            Assert.Null(node["backgroundImage"]);
        }

        Assert.DoesNotMatch("#[0-9a-fA-F]{6}", json);
    }

    [Fact]
    public void Catalog_fails_loudly_on_a_broken_or_missing_template()
    {
        var dir = Directory.CreateTempSubdirectory("cards-");
        try
        {
            foreach (var name in CardTemplateCatalog.RequiredNames)
            {
                File.Copy(Path.Combine(CardTestData.TemplatesDirectory, name + ".json"), Path.Combine(dir.FullName, name + ".json"));
            }

            Assert.NotNull(CardTemplateCatalog.Load(dir.FullName));

            File.WriteAllText(Path.Combine(dir.FullName, "help.json"), """{"type":"AdaptiveCard","body":[{"text":"${toUpper(x)}"}]}""");
            var broken = Assert.Throws<TemplateException>(() => CardTemplateCatalog.Load(dir.FullName));
            Assert.Contains("toUpper", broken.Message, StringComparison.Ordinal);

            File.Delete(Path.Combine(dir.FullName, "help.json"));
            Assert.Throws<TemplateException>(() => CardTemplateCatalog.Load(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    internal static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
