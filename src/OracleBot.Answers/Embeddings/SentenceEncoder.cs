using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// Embeds text with all-MiniLM-L6-v2 through ONNX Runtime: WordPiece ids in, token vectors out, mean-pooled
/// over the tokens and scaled to unit length, so a dot product of two embeddings is their cosine.
/// One text per run (batches were slower here than single texts); thread-safe, each run computing on the
/// calling thread with the given number of threads in all and no memory arena, so the
/// working set stays near the size of the weights (about 100 MB of native memory).
/// </summary>
internal sealed class SentenceEncoder : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>The longest input the model accepts (its position table).</summary>
    public const int ModelMaxTokens = 512;

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly string _outputName;
    private readonly bool _takesTokenTypes;

    public SentenceEncoder(string modelAssemblyPath, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _tokenizer = new WordPieceTokenizer(MiniLmModelFiles.ReadVocabulary(modelAssemblyPath));
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Arenas keep the largest activations of any text ever seen; without them memory is returned after each run.
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
        };

        // Idle pool threads would otherwise spin and take CPU from turns on a small machine.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        NativeHeap.ReturnLargeBlocks();
        _session = OpenSession(modelAssemblyPath, options);
        NativeHeap.Trim();
        _outputName = _session.OutputMetadata.Keys.First();
        _takesTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
    }

    public WordPieceTokenizer Tokenizer => _tokenizer;

    // Read into one array, the 90 MB model landed in the large-object heap and stayed resident: the forced
    // collection meant to free it ran while this constructor still held it, and an idle bot runs no full
    // collection for hours. So the model is streamed out of the package assembly into a temporary file for
    // ONNX Runtime to read (the same session, outputs bitwise the same), and the file deleted: the session
    // holds its own copy of the weights once created.
    private static InferenceSession OpenSession(string modelAssemblyPath, SessionOptions options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"oraclebot-{MiniLmModelFiles.ModelName}-{Environment.ProcessId}-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                MiniLmModelFiles.CopyModel(modelAssemblyPath, stream);
            }

            return new InferenceSession(file, options);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The unit-length embedding of <paramref name="text"/>, read up to <paramref name="maxTokens"/> tokens.</summary>
    public float[] Embed(string text, int maxTokens)
    {
        var ids = _tokenizer.Encode(text, Math.Clamp(maxTokens, 2, ModelMaxTokens));
        var length = ids.Count;
        var inputIds = new long[length];
        var mask = new long[length];
        for (var i = 0; i < length; i++)
        {
            inputIds[i] = ids[i];
            mask[i] = 1;
        }

        long[] shape = [1, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = _takesTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[length], shape) : null;
        var names = _takesTokenTypes ? new[] { "input_ids", "attention_mask", "token_type_ids" } : ["input_ids", "attention_mask"];
        var values = _takesTokenTypes ? new[] { idsValue, maskValue, typesValue! } : [idsValue, maskValue];
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_outputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        if (hidden.Length != length * Dimensions)
        {
            throw new InvalidDataException($"The embedding model returned {hidden.Length} values for {length} tokens; expected {Dimensions} per token.");
        }

        // Mean pooling: every token is attended (batch of one, no padding), so the mean of all token vectors.
        var embedding = new float[Dimensions];
        for (var t = 0; t < length; t++)
        {
            TensorPrimitives.Add(embedding, hidden.Slice(t * Dimensions, Dimensions), embedding);
        }

        var norm = TensorPrimitives.Norm(embedding);
        TensorPrimitives.Divide(embedding, norm > 0 ? norm : 1, embedding);
        return embedding;
    }

    public void Dispose() => _session.Dispose();
}
