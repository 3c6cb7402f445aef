using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers.Contract;

namespace OracleBot.FunctionalTests.Security;

/// <summary>Wraps the bot's real answer service, counting the questions that reach it and optionally failing them.</summary>
public sealed class CountingAnswerService(IAnswerService inner) : IAnswerService
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, replaces the real answer (e.g. throws, delays, returns garbage).</summary>
    public Func<AnswerRequest, CancellationToken, Task<Answer>>? Fault { get; set; }

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Fault is { } fault ? fault(request, cancellationToken) : inner.AnswerAsync(request, cancellationToken);
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
