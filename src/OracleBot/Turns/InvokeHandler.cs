using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Invokes are answered synchronously: the HTTP response is the result (PROTOCOL.md §4).</summary>
public sealed partial class InvokeHandler(ILogger<InvokeHandler> logger)
{
    internal Task<IResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        switch (activity.Name)
        {
            case "message/submitAction":
                // Teams' native feedback form. Teams shows an error for any non-empty body.
                LogFeedbackReceived();
                return Task.FromResult(Results.Ok());
            default:
                LogUnhandledInvoke(activity.Name);
                return Task.FromResult<IResult>(Results.StatusCode(StatusCodes.Status501NotImplemented));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Native feedback received")]
    private partial void LogFeedbackReceived();

    [LoggerMessage(Level = LogLevel.Debug, Message = "No handler for invoke {Name}")]
    private partial void LogUnhandledInvoke(string? name);
}
