using OracleBot.Answers.Contract;

namespace OracleBot.Turns;

/// <summary>Delays answers by <see cref="TurnOptions.SimulatedAnswerDelay"/>, standing in for a slow remote answer service.</summary>
internal sealed class SimulatedDelayAnswerService(IAnswerService inner, TimeSpan delay, TimeProvider time) : IAnswerService
{
    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, time, cancellationToken);
        return await inner.AnswerAsync(request, cancellationToken);
    }
}
