using System.Text;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Knowledge;

/// <summary>
/// A compact binary copy of a parsed knowledge store, kept beside the index it was built with. Reading it
/// skips JSON parsing and sentence/passage splitting, which are most of a restart's cost; it is only ever
/// read from an index folder whose fingerprint already matches the source files.
/// </summary>
internal static class StoreSnapshot
{
    public const string FileName = "store.bin";
    private const int Magic = 0x534B424F; // "OBKS"
    // 2: evidence metadata (grade, category, evidence type, last update, level-of-evidence marks) and heading paths.
    private const int Version = 2;

    public static void Write(string directory, KnowledgeStore store)
    {
        using var stream = new FileStream(Path.Combine(directory, FileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(store.DocumentCount);
        foreach (var document in store.Documents)
        {
            writer.Write(document.Id);
            writer.Write(document.Title);
            writer.Write(document.DisplayTitle);
            writer.Write(document.Body);
            writer.Write(document.ConclusionStart ?? -1);
            writer.Write((byte)document.Kind);
            writer.Write(document.Source);
            writer.Write(document.Year ?? int.MinValue);
            writer.Write(document.Url);
            writer.Write(document.License);
            writer.Write(document.Meshes.Count);
            foreach (var mesh in document.Meshes)
            {
                writer.Write(mesh);
            }

            WriteOptional(writer, document.Grade);
            WriteOptional(writer, document.Category);
            WriteOptional(writer, document.EvidenceType);
            writer.Write(document.Updated?.DayNumber ?? -1);
            writer.Write(document.EvidenceMarks.Count);
            foreach (var mark in document.EvidenceMarks)
            {
                writer.Write(mark.Offset);
                writer.Write(mark.Level);
            }

            var passages = store.PassagesOf(document.Id);
            writer.Write(passages.Count);
            foreach (var passage in passages)
            {
                writer.Write(passage.Heading is not null);
                if (passage.Heading is not null)
                {
                    writer.Write(passage.Heading);
                }

                writer.Write(passage.HeadingPath.Count);
                foreach (var heading in passage.HeadingPath)
                {
                    writer.Write(heading);
                }

                writer.Write(passage.Range.Start);
                writer.Write(passage.Range.Length);
                writer.Write(passage.Sentences.Count);
                foreach (var sentence in passage.Sentences)
                {
                    writer.Write(sentence.Start);
                    writer.Write(sentence.Length);
                }
            }
        }
    }

    /// <summary>The stored knowledge base, or null when the file is missing, of another version or damaged.</summary>
    public static KnowledgeStore? TryRead(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(IndexFileStream.OpenRead(path), Encoding.UTF8);
            return reader.ReadInt32() == Magic && reader.ReadInt32() == Version ? Read(reader) : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or InvalidDataException or FormatException)
        {
            return null;
        }
    }

    private static KnowledgeStore Read(BinaryReader reader)
    {
        // Sources, licences and MeSH terms repeat across thousands of documents; hold each once.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string s) => shared.TryGetValue(s, out var existing) ? existing : shared[s] = s;

        var count = reader.ReadInt32();
        var documents = new List<KnowledgeDocument>(count);
        var passages = new List<Passage>(count * 3);
        for (var d = 0; d < count; d++)
        {
            var id = reader.ReadString();
            var title = reader.ReadString();
            var displayTitle = reader.ReadString();
            var body = reader.ReadString();
            var conclusion = reader.ReadInt32();
            var kind = (DocumentKind)reader.ReadByte();
            var source = Shared(reader.ReadString());
            var year = reader.ReadInt32();
            var url = reader.ReadString();
            var license = Shared(reader.ReadString());
            var meshes = new string[reader.ReadInt32()];
            for (var m = 0; m < meshes.Length; m++)
            {
                meshes[m] = Shared(reader.ReadString());
            }

            var grade = ReadOptional(reader, Shared);
            var category = ReadOptional(reader, Shared);
            var evidenceType = ReadOptional(reader, Shared);
            var updated = reader.ReadInt32();
            var marks = new EvidenceMark[reader.ReadInt32()];
            for (var m = 0; m < marks.Length; m++)
            {
                marks[m] = new EvidenceMark(reader.ReadInt32(), Shared(reader.ReadString()));
                if (marks[m].Offset > body.Length)
                {
                    throw new InvalidDataException("An evidence mark lies outside its document.");
                }
            }

            var document = new KnowledgeDocument(id, title, displayTitle, body, conclusion < 0 ? null : conclusion, kind, source,
                year == int.MinValue ? null : year, url, license, meshes)
            {
                Grade = grade,
                Category = category,
                EvidenceType = evidenceType,
                Updated = updated < 0 ? null : DateOnly.FromDayNumber(updated),
                EvidenceMarks = marks,
            };
            documents.Add(document);
            var passageCount = reader.ReadInt32();
            for (var p = 0; p < passageCount; p++)
            {
                var heading = reader.ReadBoolean() ? Shared(reader.ReadString()) : null;
                var path = new string[reader.ReadInt32()];
                for (var h = 0; h < path.Length; h++)
                {
                    path[h] = Shared(reader.ReadString());
                }

                var range = new TextRange(reader.ReadInt32(), reader.ReadInt32());
                var sentences = new TextRange[reader.ReadInt32()];
                for (var s = 0; s < sentences.Length; s++)
                {
                    sentences[s] = new TextRange(reader.ReadInt32(), reader.ReadInt32());
                }

                if (range.End > body.Length)
                {
                    throw new InvalidDataException("A passage lies outside its document.");
                }

                passages.Add(new Passage($"{id}#p{p + 1}", passages.Count, document, range, heading, sentences) { HeadingPath = path });
            }
        }

        return KnowledgeStore.FromParts(documents, [.. passages]);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader, Func<string, string> shared) =>
        reader.ReadBoolean() ? shared(reader.ReadString()) : null;
}
