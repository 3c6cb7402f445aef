using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// A key per passage vector: a 64-bit hash of exactly what was embedded (recipe, token budget, text), kept in
/// <c>vectors.keys</c> beside <c>vectors.bin</c>. When the seeds change, the new index takes the previous
/// index's vectors as a donor (<c>vectors.donor.*</c>) and computes only the passages whose key it lacks, so
/// adding a document, or touching a seed file, does not embed the whole knowledge base again.
/// </summary>
internal static class PassageVectorKeys
{
    public const string FileName = "vectors.keys";
    public const string DonorVectorsFileName = "vectors.donor.bin";
    public const string DonorKeysFileName = "vectors.donor.keys";
    private const int Magic = 0x4B424F; // "OBK"

    public static ulong[] Compute(KnowledgeStore store, int maxTokens)
    {
        var keys = new ulong[store.Passages.Count];
        var prefix = $"{MiniLmModelFiles.ModelName}|{EmbeddingText.Recipe}|{maxTokens}|";
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(prefix + EmbeddingText.Of(store.Passages[i])));
        }

        return keys;
    }

    public static void Write(string path, ulong[] keys)
    {
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary, 1 << 16)))
        {
            writer.Write(Magic);
            writer.Write(keys.Length);
            writer.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static ulong[]? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 8 || BitConverter.ToInt32(bytes, 0) != Magic)
            {
                return null;
            }

            var count = BitConverter.ToInt32(bytes, 4);
            return bytes.Length == 8 + ((long)count * sizeof(ulong)) ? MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan(8)).ToArray() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Before stale indexes are removed: moves the newest other index's vectors and keys under
    /// <paramref name="indexRoot"/> into <paramref name="target"/> as its donor, unless it has vectors of its own.
    /// </summary>
    public static void AdoptDonor(string indexRoot, string target)
    {
        if (File.Exists(Path.Combine(target, PassageVectorFile.FileName)) || File.Exists(Path.Combine(target, DonorVectorsFileName)))
        {
            return;
        }

        var donor = Directory.EnumerateDirectories(indexRoot, "kb-*")
            .Where(d => !string.Equals(Path.GetFullPath(d), Path.GetFullPath(target), StringComparison.Ordinal))
            .Where(d => File.Exists(Path.Combine(d, PassageVectorFile.FileName)) && File.Exists(Path.Combine(d, FileName)))
            .OrderByDescending(d => File.GetLastWriteTimeUtc(Path.Combine(d, PassageVectorFile.FileName)))
            .FirstOrDefault();
        if (donor is null)
        {
            return;
        }

        try
        {
            // Keys first: vectors without keys are never mistaken for a donor.
            File.Move(Path.Combine(donor, FileName), Path.Combine(target, DonorKeysFileName), overwrite: true);
            File.Move(Path.Combine(donor, PassageVectorFile.FileName), Path.Combine(target, DonorVectorsFileName), overwrite: true);
        }
        catch (IOException)
        {
            // Another process adopted it first, or it went with its folder: the passages are embedded afresh.
        }
    }

    public static void DeleteDonor(string directory)
    {
        File.Delete(Path.Combine(directory, DonorVectorsFileName));
        File.Delete(Path.Combine(directory, DonorKeysFileName));
    }
}
