using System.Text.Json;

namespace OracleBot.Answers.Knowledge.Import;

/// <summary>
/// Imports JSONL, Markdown and HTML files into the library folder that the knowledge base loads beside
/// the seeds. Every file is read and validated before anything is written, so a bad file (reported with
/// its path and line) leaves the library as it was. Each source file becomes <c>&lt;name&gt;.jsonl</c> in
/// the library; importing it again replaces it, and a document id imported from one file is removed from
/// any other library file, so re-importing a document replaces it wherever it was.
/// </summary>
public static class KnowledgeImporter
{
    public sealed record ImportResult(int Files, int Documents, int Replaced);

    public static ImportResult Import(IReadOnlyList<string> paths, string libraryDirectory, ImportDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(defaults);
        var parsed = new List<(string Output, List<SeedRecord> Records)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path}: no such file.");
            }

            var records = Parse(path, defaults);
            foreach (var (record, line) in records)
            {
                // Validates exactly as loading will, with the source file's own line in the message.
                var document = SeedReader.ToDocument(record, $"{path}:{line}");
                if (!ids.Add(document.Id))
                {
                    throw new InvalidDataException($"{path}:{line}: document id '{document.Id}' is imported twice.");
                }
            }

            parsed.Add((TextFileParser.Slug(Path.GetFileName(path)) + ".jsonl", [.. records.Select(r => r.Record)]));
        }

        Directory.CreateDirectory(libraryDirectory);
        var writes = new Dictionary<string, List<SeedRecord>>(StringComparer.Ordinal);
        var replaced = 0;
        var outputs = parsed.Select(p => p.Output).ToHashSet(StringComparer.Ordinal);
        foreach (var existing in Directory.EnumerateFiles(libraryDirectory, "*.jsonl"))
        {
            var name = Path.GetFileName(existing);
            var kept = new List<SeedRecord>();
            var changed = false;
            foreach (var (record, _) in ReadJsonl(existing))
            {
                if (record.Id is not null && ids.Contains(record.Id.Trim()))
                {
                    replaced++;
                    changed = true;
                }
                else if (!outputs.Contains(name))
                {
                    kept.Add(record);
                }
            }

            if (changed && !outputs.Contains(name))
            {
                writes[existing] = kept;
            }
        }

        foreach (var (output, records) in parsed)
        {
            writes[Path.Combine(libraryDirectory, output)] = records;
        }

        // Write every file under a temporary name first; only then move them into place.
        var temporary = writes.ToDictionary(w => w.Key, w => w.Key + ".importing");
        try
        {
            foreach (var (target, records) in writes)
            {
                File.WriteAllLines(temporary[target], records.Select(r => JsonSerializer.Serialize(r, SeedJsonContext.Default.SeedRecord)));
            }

            foreach (var (target, records) in writes)
            {
                if (records.Count == 0)
                {
                    File.Delete(target);
                    File.Delete(temporary[target]);
                }
                else
                {
                    File.Move(temporary[target], target, overwrite: true);
                }
            }
        }
        finally
        {
            foreach (var file in temporary.Values.Where(File.Exists))
            {
                File.Delete(file);
            }
        }

        return new ImportResult(parsed.Count, ids.Count, replaced);
    }

    private static List<(SeedRecord Record, int Line)> Parse(string path, ImportDefaults defaults) =>
        Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSONL" or ".NDJSON" => [.. ReadJsonl(path).Select(r => (WithDefaults(r.Record, defaults), r.Line))],
            ".MD" or ".MARKDOWN" => [(TextFileParser.ParseMarkdown(path, defaults), 1)],
            ".HTML" or ".HTM" => [(TextFileParser.ParseHtml(path, defaults), 1)],
            _ => throw new InvalidDataException($"{path}: unsupported file type (use .jsonl, .md or .html)."),
        };

    private static IEnumerable<(SeedRecord Record, int Line)> ReadJsonl(string path) =>
        SeedReader.ReadRecords(path).Select(r => (r.Record ?? throw new InvalidDataException($"{path}:{r.Line}: not a JSON object."), r.Line));

    private static SeedRecord WithDefaults(SeedRecord record, ImportDefaults defaults) => record with
    {
        Kind = record.Kind ?? defaults.Kind,
        Source = record.Source ?? defaults.Source,
        License = record.License ?? defaults.License,
        Url = record.Url ?? defaults.Url,
        Year = record.Year ?? defaults.Year,
        Title = record.Title ?? defaults.Title,
    };
}
