using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers.Contract;

namespace OracleBot.FunctionalTests.Security;

/// <summary>Wraps the bot's real answer service, counting the questions that reach it and optionally failing them.</summary>
public sealed class CountingAnswerService(IAnswerService inner) : IAnswerService
{
    private readonly ConcurrentQueue<AnswerRequest> _requests = new();
    private readonly ConcurrentQueue<Answer> _answers = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Every request that reached the answer service, in order.</summary>
    public IReadOnlyList<AnswerRequest> Requests => [.. _requests];

    /// <summary>Every answer the service returned, in order.</summary>
    public IReadOnlyList<Answer> Answers => [.. _answers];

    /// <summary>When set, replaces the real answer (e.g. throws, delays, returns garbage).</summary>
    public Func<AnswerRequest, CancellationToken, Task<Answer>>? Fault { get; set; }

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        _requests.Enqueue(request);
        var answer = await (Fault is { } fault ? fault(request, cancellationToken) : inner.AnswerAsync(request, cancellationToken));
        _answers.Enqueue(answer);
        return answer;
    }

    /// <summary>Replaces the registered answer service with a counting wrapper around it; <paramref name="created"/> receives the wrapper.</summary>
    public static void Install(IServiceCollection services, Action<CountingAnswerService> created)
    {
        var original = services.Last(d => d.ServiceType == typeof(IAnswerService));
        services.Remove(original);
        services.AddSingleton<IAnswerService>(sp =>
        {
            var inner = (IAnswerService)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            var counting = new CountingAnswerService(inner);
            created(counting);
            return counting;
        });
    }
}
