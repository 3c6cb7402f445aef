using System.Globalization;
using System.Text.Json;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Knowledge;

/// <summary>Reads the seed knowledge base: every <c>*.jsonl</c> file below a folder, one document a line.</summary>
public static class SeedReader
{
    /// <summary>The seed files below <paramref name="seedsDirectory"/>, in a stable order.</summary>
    public static IReadOnlyList<FileInfo> SeedFiles(string seedsDirectory)
    {
        var root = new DirectoryInfo(seedsDirectory);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"The seeds directory '{seedsDirectory}' does not exist.");
        }

        return [.. root.EnumerateFiles("*.jsonl", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetRelativePath(root.FullName, f.FullName), StringComparer.Ordinal)];
    }

    /// <summary>Reads all documents; a malformed line fails with its file and line number.</summary>
    public static IEnumerable<KnowledgeDocument> Read(string seedsDirectory) =>
        SeedFiles(seedsDirectory).SelectMany(ReadFile);

    /// <summary>Like <see cref="Read"/>, reading the files in parallel; the order stays the same.</summary>
    public static IReadOnlyList<KnowledgeDocument> ReadParallel(IReadOnlyList<FileInfo> files) =>
        [.. files.AsParallel().AsOrdered().Select(f => ReadFile(f).ToList()).ToList().SelectMany(d => d)];

    private static IEnumerable<KnowledgeDocument> ReadFile(FileInfo file) =>
        ReadRecords(file.FullName).Select(r => ToDocument(r.Record, $"{file.FullName}:{r.Line}"));

    /// <summary>The records of a JSONL file with their line numbers; a malformed line fails with its file and line.</summary>
    internal static IEnumerable<(SeedRecord? Record, int Line)> ReadRecords(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            SeedRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(line, SeedJsonContext.Default.SeedRecord);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a JSON object ({ex.Message}).", ex);
            }

            yield return (record, lineNumber);
        }
    }

    internal static KnowledgeDocument ToDocument(SeedRecord? record, string where)
    {
        if (record is null || string.IsNullOrWhiteSpace(record.Id) || string.IsNullOrWhiteSpace(record.Text))
        {
            throw new InvalidDataException($"{where}: a seed document needs an id and a text.");
        }

        if (!Uri.TryCreate(record.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidDataException($"{where}: document '{record.Id}' needs an absolute http(s) url.");
        }

        var kind = record.Kind?.Trim().ToUpperInvariant() switch
        {
            "GUIDELINE" => DocumentKind.Guideline,
            "SUMMARY" => DocumentKind.Summary,
            "REFERENCE" => DocumentKind.Reference,
            "RESEARCH" or null or "" => DocumentKind.Research,
            _ => throw new InvalidDataException($"{where}: unknown kind '{record.Kind}' (guideline, summary, research or reference)."),
        };

        DateOnly? updated = null;
        if (!string.IsNullOrWhiteSpace(record.Updated))
        {
            updated = DateOnly.TryParseExact(record.Updated.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new InvalidDataException($"{where}: document '{record.Id}' has updated '{record.Updated}', not a yyyy-MM-dd date.");
        }

        if (record.EvidenceType is < 1 or > 9)
        {
            throw new InvalidDataException($"{where}: document '{record.Id}' has evidence_type {record.EvidenceType}, not a small positive number.");
        }

        var cited = Uri.TryCreate(record.SectionUrl, UriKind.Absolute, out var sectionUrl) && (sectionUrl.Scheme == Uri.UriSchemeHttps || sectionUrl.Scheme == Uri.UriSchemeHttp)
            ? sectionUrl
            : url;

        // Evidence-level tags are metadata, not text: a quoted sentence must never carry them.
        var raw = record.Text.Trim();
        var (text, marks) = EvidenceTags.Strip(MarkdownText.IsMarkdown(raw) ? MarkdownText.Normalise(raw) : raw);
        var conclusion = record.Conclusion?.Trim();
        string body;
        int? conclusionStart = null;
        if (string.IsNullOrEmpty(conclusion))
        {
            body = text;
        }
        else
        {
            // The conclusion is part of the abstract: index and quote it with the rest, on its own line.
            body = text + "\n" + conclusion;
            conclusionStart = text.Length + 1;
        }

        var title = record.Title?.Trim() ?? string.Empty;
        return new KnowledgeDocument(
            record.Id.Trim(),
            title,
            DisplayTitles.For(record.Id.Trim(), title, record.Year, body),
            body,
            conclusionStart,
            kind,
            record.Source?.Trim() is { Length: > 0 } source ? source : "Unknown source",
            record.Year,
            cited.AbsoluteUri,
            record.License?.Trim() is { Length: > 0 } license ? license : "Unknown licence",
            record.Meshes ?? [])
        {
            // A CDC record's grade restates its category and evidence type, which are kept on their own.
            Grade = record.RecommendationCategory is null && record.EvidenceType is null ? Trimmed(record.Grade) : null,
            Category = Trimmed(record.RecommendationCategory),
            EvidenceType = record.EvidenceType?.ToString(CultureInfo.InvariantCulture),
            Updated = updated,
            EvidenceMarks = marks,
        };
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
