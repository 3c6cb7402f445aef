using Microsoft.Extensions.DependencyInjection;
using OracleBot.Turns;

namespace OracleBot.FunctionalTests.Bot;

/// <summary>
/// "Nothing more will be sent" as a positive signal: the bot holds no accepted activity. The dispatcher adds an
/// activity to its in-flight set before it acknowledges it, and the worker removes it only once the turn has
/// sent all it will send and is marked done or failed, so an empty set after a request proves that request's
/// turn, had it been admitted, is over.
/// </summary>
internal static class BotIdle
{
    /// <param name="conversationId">Only this conversation's activities count: a host shared by a test class may
    /// still be retrying another test's turn toward a connector that has gone.</param>
    public static async Task WaitUntilIdleAsync(this SignedBotHost host, string? conversationId = null, TimeSpan? timeout = null)
    {
        var inFlight = host.Services.GetRequiredService<InFlightTurns>();
        int Held() => conversationId is null ? inFlight.Count : inFlight.Snapshot().Count(k => k.ConversationId == conversationId);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Held() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot still holds {Held()} activities after {timeout ?? TimeSpan.FromSeconds(30)}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The number of accepted activities the bot holds right now (queued or being answered).</summary>
    public static int ActivitiesHeld(this SignedBotHost host) => host.Services.GetRequiredService<InFlightTurns>().Count;
}
