using System.Security.Cryptography;
using System.Text;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// <c>vectors.bin</c> beside the index it belongs to: a header naming the model, the recipe, the token
/// budget and the exact passages (a hash of their ids in order), then one record per passage (its codes and
/// scale). While embedding, records are appended to <c>vectors.partial</c> and flushed in small groups, so an
/// interrupted run resumes where it stopped; the complete file is renamed into place, so a reader sees
/// either no file or a whole one.
/// </summary>
internal static class PassageVectorFile
{
    public const string FileName = "vectors.bin";
    public const string PartialFileName = "vectors.partial";
    private const int Magic = 0x56424F; // "OBV"
    private const int Version = 1;
    private const int IdentityBytes = 32;
    private const int HeaderBytes = (5 * sizeof(int)) + IdentityBytes;
    private const int RecordBytes = PassageVectors.Dimensions + sizeof(float);

    /// <summary>What the vectors of <paramref name="store"/> embedded with <paramref name="maxTokens"/> must match.</summary>
    public static byte[] Identity(KnowledgeStore store, int maxTokens)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{MiniLmModelFiles.ModelName}|{EmbeddingText.Recipe}|{maxTokens}\n"));
        foreach (var passage in store.Passages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(passage.Id));
            hash.AppendData("\n"u8);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>The complete vectors in <paramref name="directory"/>, or null when absent, partial or for other passages.</summary>
    public static PassageVectors? TryRead(string directory, byte[] identity, int count)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length != HeaderBytes + ((long)count * RecordBytes))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return ReadHeader(stream, identity, count) ? ReadRecords(stream, count, count, out _) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>The vectors of another index adopted as a donor, whatever passages they were for; null when unreadable.</summary>
    public static PassageVectors? TryReadDonor(string directory, int count)
    {
        var path = Path.Combine(directory, PassageVectorKeys.DonorVectorsFileName);
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length != HeaderBytes + ((long)count * RecordBytes))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
            {
                if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version || reader.ReadInt32() != PassageVectors.Dimensions
                    || reader.ReadInt32() != RecordBytes || reader.ReadInt32() != count)
                {
                    return null;
                }

                reader.ReadBytes(IdentityBytes);
            }

            return ReadRecords(stream, count, count, out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>How many records the partial file in <paramref name="directory"/> holds (another process's progress).</summary>
    public static int PartialCount(string directory)
    {
        var path = Path.Combine(directory, PartialFileName);
        try
        {
            return File.Exists(path) ? (int)Math.Max(0, (new FileInfo(path).Length - HeaderBytes) / RecordBytes) : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool ReadHeader(Stream stream, byte[] identity, int count)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        return reader.ReadInt32() == Magic
            && reader.ReadInt32() == Version
            && reader.ReadInt32() == PassageVectors.Dimensions
            && reader.ReadInt32() == RecordBytes
            && reader.ReadInt32() == count
            && reader.ReadBytes(IdentityBytes).AsSpan().SequenceEqual(identity);
    }

    // Reads up to `available` records into arrays sized for `count`; `read` says how many there were.
    private static PassageVectors ReadRecords(Stream stream, int count, int available, out int read)
    {
        var codes = new sbyte[(long)count * PassageVectors.Dimensions];
        var scales = new float[count];
        var record = new byte[RecordBytes];
        read = 0;
        while (read < available && stream.ReadAtLeast(record, RecordBytes, throwOnEndOfStream: false) == RecordBytes)
        {
            record.AsSpan(0, PassageVectors.Dimensions).CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codes.AsSpan(read * PassageVectors.Dimensions, PassageVectors.Dimensions)));
            scales[read] = BitConverter.ToSingle(record, PassageVectors.Dimensions);
            read++;
        }

        return new PassageVectors(codes, scales);
    }

    /// <summary>
    /// Opens (or starts) the partial file for <paramref name="count"/> passages: the writer appends after the
    /// records already there, which <paramref name="resumed"/> holds (its first <paramref name="done"/> entries).
    /// </summary>
    public static PartialWriter OpenPartial(string directory, byte[] identity, int count, out PassageVectors resumed, out int done)
    {
        var path = Path.Combine(directory, PartialFileName);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        try
        {
            done = 0;
            if (stream.Length >= HeaderBytes && ReadHeader(stream, identity, count))
            {
                var available = (int)Math.Min(count, (stream.Length - HeaderBytes) / RecordBytes);
                resumed = ReadRecords(stream, count, available, out done);
            }
            else
            {
                resumed = new PassageVectors(new sbyte[(long)count * PassageVectors.Dimensions], new float[count]);
            }

            // Anything after the last whole record (a write cut short) is dropped.
            stream.SetLength(HeaderBytes + ((long)done * RecordBytes));
            stream.Position = 0;
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write(PassageVectors.Dimensions);
                writer.Write(RecordBytes);
                writer.Write(count);
                writer.Write(identity);
            }

            stream.Position = stream.Length;
            return new PartialWriter(stream, directory);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Appends records to <c>vectors.partial</c> and renames it to <c>vectors.bin</c> when complete.</summary>
    internal sealed class PartialWriter(FileStream stream, string directory) : IDisposable
    {
        private readonly byte[] _record = new byte[RecordBytes];

        public void Append(ReadOnlySpan<sbyte> codes, float scale)
        {
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(codes).CopyTo(_record);
            BitConverter.TryWriteBytes(_record.AsSpan(PassageVectors.Dimensions), scale);
            stream.Write(_record);
        }

        public void Flush() => stream.Flush(flushToDisk: false);

        public void Complete()
        {
            stream.Flush(flushToDisk: true);
            stream.Dispose();
            File.Move(Path.Combine(directory, PartialFileName), Path.Combine(directory, FileName), overwrite: true);
        }

        public void Dispose() => stream.Dispose();
    }
}
