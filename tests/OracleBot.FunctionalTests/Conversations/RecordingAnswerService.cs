using System.Collections.Concurrent;
using OracleBot.Answers.Contract;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>The real embedded engine, with every request it was asked kept for the test to inspect.</summary>
internal sealed class RecordingAnswerService(IAnswerService inner) : IAnswerService
{
    private readonly ConcurrentQueue<AnswerRequest> _requests = new();

    public IReadOnlyList<AnswerRequest> Requests => [.. _requests];

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        return inner.AnswerAsync(request, cancellationToken);
    }
}
