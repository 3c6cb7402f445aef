using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers;

/// <summary>Answers in-process: BM25 retrieval over the local knowledge base, then extractive composition.</summary>
public sealed partial class EmbeddedAnswerService(
    KnowledgeIndex index,
    IOptions<AnswersOptions> options,
    ILogger<EmbeddedAnswerService> logger) : IAnswerService
{
    private ExtractiveComposer? _composer;

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await index.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        var retrieval = index.Retrieve(ThreadContext.QueryFor(request, settings.ShortQuestionWords), settings.TopDocuments);
        _composer ??= new ExtractiveComposer(index.Analyzer, index.Store, settings.MaxStatements);

        // The audience changes how an answer is worded, not which evidence it rests on; the extractive
        // composer quotes sources verbatim, so it has nothing to adapt.
        var answer = _composer.Compose(Guid.NewGuid().ToString("N"), request.Question, retrieval);
        LogAnswered(retrieval.Documents.Count, answer.Citations.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answer composed from {Documents} retrieved documents with {Citations} citations in {Milliseconds:F2} ms")]
    private partial void LogAnswered(int documents, int citations, double milliseconds);
}
