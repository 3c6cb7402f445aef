using System.Text.Json;

namespace OracleBot.Tests.Answers.Evidence;

/// <summary>Seed lines shaped like the USPSTF, CDC and PDQ records, with their evidence fields.</summary>
internal static class EvidenceSeedLines
{
    public const string PdqText =
        "## Treatment Option Overview\n\nSurgery is the main treatment for localized tumours.[Level of evidence C1] Other options exist.\n\n"
        + "### Surgical Cytoreduction for Metastases\n\nResection of liver metastases may prolong survival. [Level of evidence: 3iiiA]\n"
        + "The DRI [Level of evidence: II] is short and valid.\n";

    public static string Uspstf(string grade = "B") => Line(new()
    {
        ["id"] = "uspstf:statin-use#1", ["title"] = "Statin Use: Adults aged 40 to 75 years",
        ["text"] = "The USPSTF recommends that clinicians prescribe a statin for the primary prevention of cardiovascular disease.",
        ["kind"] = "guideline", ["grade"] = grade, ["year"] = 2022, ["source"] = "U.S. Preventive Services Task Force",
        ["url"] = "https://example.org/uspstf/statin",
    });

    public static string Cdc() => Line(new()
    {
        ["id"] = "cdc:opioids-2022#rec01", ["title"] = "Opioids: Recommendation 1",
        ["text"] = "Clinicians should maximize use of nonopioid therapies for acute pain (recommendation category: B; evidence type: 3).",
        ["kind"] = "guideline", ["grade"] = "Category B; evidence type 3", ["recommendation_category"] = "B", ["evidence_type"] = 3,
        ["year"] = 2022, ["source"] = "Centers for Disease Control and Prevention (CDC)", ["url"] = "https://example.org/cdc",
        ["section_url"] = "https://example.org/cdc#Recommendation1",
    });

    public static string Pdq(string? updated = "2025-05-12") => Line(new()
    {
        ["id"] = "pdq:pnet-treatment-pdq", ["title"] = "Pancreatic Neuroendocrine Tumors Treatment (PDQ®)–Health Professional Version",
        ["text"] = PdqText, ["kind"] = "summary", ["year"] = 2025, ["updated"] = updated,
        ["source"] = "NCI PDQ® (National Cancer Institute)", ["url"] = "https://example.org/pdq/pnet",
    });

    /// <summary>A PDQ-like summary of the given text, last updated 2025-05-12.</summary>
    public static string Summary(string text) => Line(new()
    {
        ["id"] = "pdq:test", ["title"] = "Test (PDQ®)–Health Professional Version", ["text"] = text, ["kind"] = "summary",
        ["updated"] = "2025-05-12", ["year"] = 2025, ["source"] = "NCI PDQ®", ["url"] = "https://example.org/pdq",
    });

    private static string Line(Dictionary<string, object?> fields)
    {
        fields.TryAdd("license", "Test licence");
        return JsonSerializer.Serialize(fields);
    }
}
