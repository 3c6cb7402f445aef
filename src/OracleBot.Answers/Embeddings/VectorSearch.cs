using Microsoft.Extensions.Logging;
using OracleBot.Answers.Indexing;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Embeddings;

/// <summary>
/// The dense half of hybrid retrieval. Once the BM25 index is open, a background thread at the lowest
/// priority loads the passages' vectors stored beside the index, or computes them: one process per machine
/// and index at a time (a lock file beside the vectors; the others wait and then read what it wrote), resuming
/// an interrupted run, one passage per model run. Until the vectors are there, <see cref="TryPrepareQuery"/>
/// says no and retrieval is BM25 alone.
/// </summary>
internal sealed partial class VectorSearch : IDisposable
{
    private const string LockFileName = ".vectors.lock";
    private const int FlushEvery = 64;
    private readonly VectorOptions _options;
    private readonly string _modelPath;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile VectorStatus _status;
    private SentenceEncoder? _encoder;
    private PassageVectors? _vectors;
    private Thread? _worker;

    public VectorSearch(VectorOptions options, ILogger logger, string? modelPath = null)
    {
        _options = options;
        _logger = logger;
        _modelPath = modelPath ?? MiniLmModelFiles.DefaultPath;
        _status = new VectorStatus(VectorState.Pending, 0, 0);
    }

    public VectorOptions Options => _options;

    public VectorStatus Status => _status;

    /// <summary>Completes when the vectors are ready, off or failed.</summary>
    public Task Settled => _settled.Task;

    /// <summary>The passages' vectors by ordinal; null until ready.</summary>
    public PassageVectors? Vectors => Volatile.Read(ref _vectors);

    /// <summary>Starts loading or computing the vectors of <paramref name="store"/>, kept in <paramref name="indexPath"/>.</summary>
    public void Start(string indexPath, KnowledgeStore store)
    {
        if (Interlocked.CompareExchange(ref _worker, new Thread(() => Run(indexPath, store)) { IsBackground = true, Name = "OracleBot vectors" }, null) is null)
        {
            _worker.Start();
        }
    }

    /// <summary>
    /// Called with the index folder just opened, before the folders of other seeds are removed: keeps the
    /// newest of their vectors as a donor, so passages that did not change are not embedded again.
    /// </summary>
    public void AdoptDonor(string indexRoot, string indexPath)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            PassageVectorKeys.AdoptDonor(indexRoot, indexPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNoDonor(ex.Message);
        }
    }

    /// <summary>The question's embedding, when the vectors are ready.</summary>
    public QuantisedQuery? TryPrepareQuery(string text)
    {
        if (Vectors is null || Volatile.Read(ref _encoder) is not { } encoder)
        {
            return null;
        }

        return PassageVectors.Prepare(encoder.Embed(text, VectorOptions.QueryMaxTokens));
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _worker?.Join(TimeSpan.FromSeconds(5));
        _encoder?.Dispose();
        _stopping.Dispose();
    }

    private void Run(string indexPath, KnowledgeStore store)
    {
        LowPriority.LowerCurrentThread();
        var total = store.Passages.Count;
        try
        {
            if (!_options.Enabled || total == 0 || total > _options.MaxPassages)
            {
                if (_options.Enabled && total > 0)
                {
                    LogTooLarge(total, _options.MaxPassages);
                }

                Settle(new VectorStatus(VectorState.Off, 0, total));
                return;
            }

            var identity = PassageVectorFile.Identity(store, _options.MaxTokens);
            _status = new VectorStatus(VectorState.Embedding, 0, total);
            var encoder = new SentenceEncoder(_modelPath, _options.Threads);
            Volatile.Write(ref _encoder, encoder);
            var vectors = PassageVectorFile.TryRead(indexPath, identity, total) ?? WaitOrEmbed(indexPath, store, identity, encoder);
            if (vectors is null)
            {
                return; // Stopping.
            }

            var keysPath = Path.Combine(indexPath, PassageVectorKeys.FileName);
            if (!File.Exists(keysPath))
            {
                PassageVectorKeys.Write(keysPath, PassageVectorKeys.Compute(store, _options.MaxTokens));
            }

            Volatile.Write(ref _vectors, vectors);
            LogReady(total, vectors.ApproximateBytes / (1024 * 1024));
            Settle(new VectorStatus(VectorState.Ready, total, total));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or DllNotFoundException or TypeInitializationException)
        {
            LogFailed(ex);
            Settle(new VectorStatus(VectorState.Failed, 0, total));
        }
        finally
        {
            _settled.TrySetResult();
        }
    }

    private void Settle(VectorStatus status)
    {
        _status = status;
        _settled.TrySetResult();
    }

    // Takes turns with other processes on the machine: whoever holds the lock embeds; the others watch its
    // progress and read the file it completes.
    private PassageVectors? WaitOrEmbed(string indexPath, KnowledgeStore store, byte[] identity, SentenceEncoder encoder)
    {
        var total = store.Passages.Count;
        var lockPath = Path.Combine(indexPath, LockFileName);
        var waitingLogged = false;
        while (!_stopping.IsCancellationRequested)
        {
            using (var turn = IndexDirectoryManager.TryTakeTurn(lockPath))
            {
                if (turn is not null)
                {
                    return PassageVectorFile.TryRead(indexPath, identity, total) ?? Embed(indexPath, store, identity, encoder);
                }
            }

            if (!waitingLogged)
            {
                LogWaiting();
                waitingLogged = true;
            }

            _status = new VectorStatus(VectorState.Embedding, PassageVectorFile.PartialCount(indexPath), total);
            if (_stopping.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(1)))
            {
                break;
            }
        }

        return null;
    }

    private PassageVectors? Embed(string indexPath, KnowledgeStore store, byte[] identity, SentenceEncoder encoder)
    {
        var total = store.Passages.Count;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var keys = PassageVectorKeys.Compute(store, _options.MaxTokens);
        var (donor, donorOrdinals) = ReadDonor(indexPath);
        using var writer = PassageVectorFile.OpenPartial(indexPath, identity, total, out var vectors, out var done);
        LogEmbedding(total - done, total, _options.MaxTokens);
        var reused = 0;
        for (var ordinal = done; ordinal < total; ordinal++)
        {
            if (_stopping.IsCancellationRequested)
            {
                writer.Flush();
                return null;
            }

            if (donor is not null && donorOrdinals.TryGetValue(keys[ordinal], out var donorOrdinal))
            {
                vectors.CopyFrom(ordinal, donor, donorOrdinal);
                reused++;
            }
            else
            {
                vectors.Set(ordinal, encoder.Embed(EmbeddingText.Of(store.Passages[ordinal]), _options.MaxTokens));
            }

            writer.Append(vectors.CodesOf(ordinal), vectors.ScaleOf(ordinal));
            if ((ordinal + 1) % FlushEvery == 0)
            {
                writer.Flush();
                _status = new VectorStatus(VectorState.Embedding, ordinal + 1, total);
            }
        }

        PassageVectorKeys.Write(Path.Combine(indexPath, PassageVectorKeys.FileName), keys);
        writer.Complete();
        PassageVectorKeys.DeleteDonor(indexPath);
        LogEmbedded(total - done - reused, reused, (long)clock.Elapsed.TotalSeconds);
        return vectors;
    }

    private static (PassageVectors? Donor, Dictionary<ulong, int> Ordinals) ReadDonor(string indexPath)
    {
        var ordinals = new Dictionary<ulong, int>();
        if (PassageVectorKeys.TryRead(Path.Combine(indexPath, PassageVectorKeys.DonorKeysFileName)) is not { } keys
            || PassageVectorFile.TryReadDonor(indexPath, keys.Length) is not { } donor)
        {
            return (null, ordinals);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            ordinals.TryAdd(keys[i], i);
        }

        return (donor, ordinals);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding {Remaining} of {Passages} passages in the background (up to {MaxTokens} tokens each); answers use BM25 alone until done")]
    private partial void LogEmbedding(int remaining, int passages, int maxTokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded {Passages} passages and took {Reused} unchanged ones from the previous index, in {Seconds} s")]
    private partial void LogEmbedded(int passages, int reused, long seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process on this machine is embedding the passages; waiting for its vectors")]
    private partial void LogWaiting();

    [LoggerMessage(Level = LogLevel.Information, Message = "Passage vectors ready: {Passages} passages ({Megabytes} MB); retrieval fuses BM25 and vectors")]
    private partial void LogReady(int passages, long megabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge base has {Passages} passages, more than Answers:Vectors:MaxPassages ({Limit}); retrieval uses BM25 alone")]
    private partial void LogTooLarge(int passages, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The previous index's passage vectors could not be kept for reuse: {Reason}")]
    private partial void LogNoDonor(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Passage vectors could not be computed or loaded; retrieval uses BM25 alone")]
    private partial void LogFailed(Exception exception);
}
