using System.Text.Json;
using System.Text.RegularExpressions;

namespace OracleBot.TestSupport.EUtilities;

/// <summary>
/// A record the loopback E-utilities server serves: a real PubMed abstract from the PubMedQA data (its real
/// PMID, year, MeSH terms and abstract text, the conclusion as its last section). PubMedQA carries no article
/// title and no journal: the title is the data's own placeholder and no journal is given. PubMedQA carries no
/// publication types either; see <see cref="TestRecords.Load"/> for the test-only types these records get.
/// </summary>
public sealed record TestRecord(
    string Pmid,
    string Title,
    IReadOnlyList<(string? Label, string Text)> Sections,
    int? Year,
    IReadOnlyList<string> Meshes,
    IReadOnlyList<string> PublicationTypes)
{
    public string AbstractText => string.Join(' ', Sections.Select(s => s.Text));
}

public static partial class TestRecords
{
    /// <summary>
    /// Reads the PubMedQA corpus. Publication types are assigned for the tests only, never claimed as PubMed's:
    /// every record is a "Journal Article"; one whose abstract calls itself a randomised trial, a meta-analysis or a
    /// systematic review gets that type too (a reading of its own words); and the PMIDs in
    /// <paramref name="extraTypes"/> get the types given there (tests mark some "Practice Guideline" or
    /// "Retracted Publication" to see how those are treated — those records are not guidelines or retracted).
    /// </summary>
    public static IReadOnlyList<TestRecord> Load(string corpusPath, IReadOnlyDictionary<string, string[]>? extraTypes = null)
    {
        var records = new List<TestRecord>();
        foreach (var line in File.ReadLines(corpusPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var pmid = root.GetProperty("id").GetString()!.Replace("pmid:", string.Empty, StringComparison.Ordinal);
            var sections = new List<(string?, string)>();
            foreach (var part in root.GetProperty("text").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var labelled = Labelled().Match(part);
                sections.Add(labelled.Success ? (labelled.Groups[1].Value.ToUpperInvariant(), labelled.Groups[2].Value.Trim()) : (null, part.Trim()));
            }

            if (root.TryGetProperty("conclusion", out var conclusion) && conclusion.GetString() is { Length: > 0 } c)
            {
                sections.Add(("CONCLUSIONS", c.Trim()));
            }

            var meshes = root.TryGetProperty("meshes", out var m) ? m.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
            int? year = root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null;
            var text = string.Join(' ', sections.Select(s => s.Item2));
            var types = new List<string> { "Journal Article" };
            if (Randomised().IsMatch(text))
            {
                types.Add("Randomized Controlled Trial");
            }

            if (text.Contains("meta-analysis", StringComparison.OrdinalIgnoreCase))
            {
                types.Add("Meta-Analysis");
            }

            if (text.Contains("systematic review", StringComparison.OrdinalIgnoreCase))
            {
                types.Add("Systematic Review");
            }

            if (extraTypes?.TryGetValue(pmid, out var extra) == true)
            {
                types.AddRange(extra);
            }

            records.Add(new TestRecord(pmid, root.GetProperty("title").GetString() ?? string.Empty, sections, year, meshes, types));
        }

        return records;
    }

    [GeneratedRegex(@"^([A-Z][A-Za-z ]{1,40}):\s+(.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"\brandomi[sz]ed\b[^.]{0,60}\btrial\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Randomised();
}
