using System.Diagnostics;
using OracleBot.Answers.Contract;

namespace OracleBot.Telemetry;

/// <summary>Wraps the configured answer service in the <c>oraclebot.answer</c> span and latency histogram.</summary>
internal sealed class TracedAnswerService(IAnswerService inner) : IAnswerService
{
    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.StartAnswer();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await inner.AnswerAsync(request, cancellationToken).ConfigureAwait(false);
            span?.SetTag("oraclebot.answer.citations", answer.Citations.Count);
            BotTelemetry.RecordAnswer(Stopwatch.GetElapsedTime(started), "answered");
            return answer;
        }
        catch (Exception ex)
        {
            BotTelemetry.Fail(span, ex);
            BotTelemetry.RecordAnswer(Stopwatch.GetElapsedTime(started), ex is OperationCanceledException ? "cancelled" : "failed");
            throw;
        }
    }
}
