using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OracleBot.Protocol.Authentication;

/// <summary>Says loudly at start-up when inbound requests are not authenticated.</summary>
internal sealed partial class AnonymousChannelWarning(
    IOptions<BotAuthenticationOptions> options,
    ILogger<AnonymousChannelWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsAnonymous)
        {
            LogAnonymous(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message =
        "Bot:AppId is not configured: channel requests are accepted WITHOUT authentication and replies are sent without a token. " +
        "This is only for local development (e.g. Agents Playground) and is allowed only in the Development environment or with " +
        "Bot:AllowUnauthenticated=true; set Bot:AppId in any shared or production environment.")]
    private static partial void LogAnonymous(ILogger logger);
}
