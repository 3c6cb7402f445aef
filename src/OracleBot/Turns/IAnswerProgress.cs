using OracleBot.Protocol.Schema;

namespace OracleBot.Turns;

/// <summary>Shows the user that an answer is on its way, then delivers it.</summary>
internal interface IAnswerProgress
{
    /// <summary>Shows progress; failures are swallowed, progress is a courtesy.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Sends the final reply; returns the id of the message the user sees, when known.</summary>
    Task<string?> DeliverAsync(Activity reply, CancellationToken cancellationToken);
}
