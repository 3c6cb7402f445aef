using System.Text;
using System.Text.Json;
using OracleBot.Answers.Contract;
using Microsoft.Extensions.Logging.Abstractions;
using OracleBot.Answers.Knowledge;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers;

/// <summary>Small seed files written to a temporary folder, in the seed JSONL format.</summary>
internal static class TestDocuments
{
    public static KnowledgeDocument Document(string id, string text, DocumentKind kind = DocumentKind.Reference, string title = "Test page", string? conclusion = null) =>
        SeedReader.ToDocument(new SeedRecord(id, title, text, conclusion, null, "Test source", 2020, "https://example.org/" + id, kind.ToString().ToLowerInvariant(), "CC BY 4.0"), "test");

    public static string Line(string id, string title, string text, string kind = "reference", string? conclusion = null, string[]? meshes = null, int? year = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["title"] = title, ["text"] = text, ["conclusion"] = conclusion, ["meshes"] = meshes,
            ["source"] = "Test source", ["year"] = year, ["url"] = "https://example.org/" + Uri.EscapeDataString(id),
            ["kind"] = kind, ["license"] = "CC BY 4.0",
        });

    public static string[] SmallCorpus() =>
    [
        Line("ref:asthma", "Asthma (Test)",
            "What is (are) Asthma ?\nAsthma is a chronic disease of the airways. The airways become inflamed and narrow, which makes breathing hard. Asthma affects people of all ages and often starts in childhood.\n" +
            "What are the symptoms of Asthma ?\nCommon symptoms of asthma include wheezing, coughing, chest tightness and shortness of breath. Symptoms often get worse at night or early in the morning.\n" +
            "What are the treatments for Asthma ?\nInhaled corticosteroids are the most effective long-term control medicine for asthma. Quick-relief inhalers such as albuterol relieve acute asthma symptoms within minutes."),
        Line("ref:gout", "Gout (Test)",
            "What is (are) Gout ?\nGout is a form of arthritis caused by uric acid crystals in a joint. It often starts in the big toe.\n" +
            "What are the treatments for Gout ?\nColchicine and anti-inflammatory drugs relieve gout attacks. Allopurinol lowers uric acid levels over the long term."),
        Line("pmid:1", "PubMed article PMID 1",
            "Background: Wheezing children often receive inhaled corticosteroids. Methods: We followed 200 children with asthma for two years.\nResults: Inhaled corticosteroids reduced asthma attacks by 40% compared with placebo.",
            kind: "research", conclusion: "Inhaled corticosteroids reduce asthma attacks in children.", meshes: ["Asthma", "Adrenal Cortex Hormones", "Humans"], year: 2011),
        // Repeats a sentence of the asthma page so the composer's de-duplication has something to remove.
        Line("pmid:2", "PubMed article PMID 2",
            "Common symptoms of asthma include wheezing, coughing, chest tightness and shortness of breath. We surveyed 50 clinics about how they record asthma symptoms.",
            kind: "research", year: 2015),
    ];

    /// <summary>A BM25 index over <paramref name="lines"/>, written and opened under <paramref name="root"/>.</summary>
    public static KnowledgeIndex OpenIndex(string root, params string[] lines)
    {
        var seeds = WriteSeeds(root, lines);
        var index = new KnowledgeIndex(new KnowledgeIndexLocation(seeds, System.IO.Path.Combine(root, "index")), NullLogger<KnowledgeIndex>.Instance);
        index.EnsureReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
        return index;
    }

    public static string WriteSeeds(string root, params string[] lines)
    {
        var seeds = Path.Combine(root, "seeds", "test");
        Directory.CreateDirectory(seeds);
        File.WriteAllText(Path.Combine(seeds, "corpus.jsonl"), string.Join('\n', lines) + "\n", Encoding.UTF8);
        return Path.Combine(root, "seeds");
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("oraclebot-answers-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
