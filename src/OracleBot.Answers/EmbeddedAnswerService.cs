using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Conversation;
using OracleBot.Answers.PubMed;
using OracleBot.Answers.Retrieval;
using OracleBot.Answers.Writing;

namespace OracleBot.Answers;

/// <summary>
/// Answers in-process: the question is made standalone using the thread, BM25 retrieval runs over the
/// local knowledge base, the extractive composer writes an answer, and — when a model is configured — the
/// model's grounded answer replaces it. Repeated requests are served from a bounded answer cache.
/// </summary>
public sealed partial class EmbeddedAnswerService : IStreamingAnswerService
{
    private readonly KnowledgeIndex _index;
    private readonly AnswersOptions _options;
    private readonly ILogger<EmbeddedAnswerService> _logger;
    private readonly IAnswerWriter? _writer;
    private readonly IQueryRewriter _rewriter;
    private readonly AnswerCache _cache;
    private readonly PubMedEvidenceSource? _pubmed;
    private const int SuggestionDepth = 2;
    private ExtractiveComposer? _composer;

    public EmbeddedAnswerService(KnowledgeIndex index, IOptions<AnswersOptions> options, ILogger<EmbeddedAnswerService> logger)
        : this(index, options, logger, writer: null, rewriter: null, cache: null)
    {
    }

    public EmbeddedAnswerService(
        KnowledgeIndex index,
        IOptions<AnswersOptions> options,
        ILogger<EmbeddedAnswerService> logger,
        IAnswerWriter? writer,
        IQueryRewriter? rewriter,
        AnswerCache? cache,
        PubMedEvidenceSource? pubmed = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _options = options.Value;
        _logger = logger;
        _writer = writer;
        _rewriter = rewriter ?? new CarryOverQueryRewriter(index, _options.ShortQuestionWords);
        _cache = cache ?? new AnswerCache(_options.AnswerCacheSize);
        _pubmed = pubmed;
    }

    /// <summary>The answer cache (hit and miss counts are reported by benchmarks and metrics).</summary>
    public AnswerCache Cache => _cache;

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) =>
        AnswerCoreAsync(request, partialText: null, cancellationToken);

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var updates = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var answering = AnswerCoreAsync(request, text => updates.Writer.TryWrite(text), cancellationToken);
        _ = answering.ContinueWith(_ => updates.Writer.TryComplete(), TaskScheduler.Default);
        await foreach (var text in updates.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return AnswerUpdate.Partial(text);
        }

        yield return AnswerUpdate.Final(await answering.ConfigureAwait(false));
    }

    private async Task<Answer> AnswerCoreAsync(AnswerRequest request, Action<string>? partialText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _index.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var key = AnswerCache.KeyFor(request);
        if (_cache.TryGet(key, out var cached))
        {
            LogCacheHit();
            return cached;
        }

        var started = Stopwatch.GetTimestamp();
        var query = await _rewriter.RewriteAsync(request, cancellationToken).ConfigureAwait(false);
        var pubmed = _pubmed?.SearchAsync(query, cancellationToken);
        var retrieval = _index.Retrieve(query, _options.TopDocuments);
        var pubmedMissed = false;
        if (pubmed is not null)
        {
            var found = await pubmed.ConfigureAwait(false);
            retrieval = _pubmed!.Merge(retrieval, found, _options.TopDocuments);
            pubmedMissed = found.Missed;
        }

        _composer ??= new ExtractiveComposer(_index.Analyzer, _index.Store, _options.MaxStatements, Answerable);
        var standalone = query.Context is null ? query.Question : $"{query.Question} {query.Context}";
        var answer = _composer.Compose(Guid.NewGuid().ToString("N"), request.Question, retrieval, Audiences.Parse(request.Audience), standalone);

        // The model sees the passages even where the extractive composer found nothing to quote: it may read
        // an answer the lexical gate missed, and the grounding check still decides what ships.
        if (_writer is not null && retrieval.Documents.Count > 0)
        {
            answer = await _writer.WriteAsync(request, retrieval, answer, partialText, cancellationToken).ConfigureAwait(false) ?? answer;
        }

        if (pubmedMissed)
        {
            // Not cached: the next time the question is asked PubMed may answer.
            answer = answer with { Notices = [.. answer.Notices, PubMedEvidenceSource.MissedNotice] };
        }
        else
        {
            _cache.Add(key, answer);
        }

        LogAnswered(retrieval.Documents.Count, answer.Citations.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    // A suggested follow-up is offered only when retrieval finds a passage that answers it.
    private bool Answerable(string question, string? expectedDocument) =>
        _composer!.Answers(question, _index.Retrieve(new RetrievalQuery(question), SuggestionDepth));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Answer composed from {Documents} retrieved documents with {Citations} citations in {Milliseconds:F2} ms")]
    private partial void LogAnswered(int documents, int citations, double milliseconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Answer served from the answer cache")]
    private partial void LogCacheHit();
}
