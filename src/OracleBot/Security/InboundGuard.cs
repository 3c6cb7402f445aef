using OracleBot.Cards;
using OracleBot.Endpoints;
using OracleBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace OracleBot.Security;

/// <summary>
/// The checks an authenticated activity passes before it costs any work: where replies would go, which
/// organisation it comes from, and how fast its sender and tenant are sending.
/// </summary>
internal sealed partial class InboundGuard(
    ServiceUrlPolicy serviceUrls,
    TenantGate tenants,
    InboundRateLimiter rateLimiter,
    NoticeSender notices,
    CardFactory cards,
    IOptions<InboundSecurityOptions> options,
    ILogger<InboundGuard> logger)
{
    /// <summary>Null when the activity may go on to the turn pipeline; otherwise the response to give.</summary>
    public IResult? Admit(Activity activity)
    {
        if (ActivityIds.FirstInvalid(activity) is { } badId)
        {
            return Problems.MalformedActivity($"The activity's '{badId}' is not a usable id.");
        }

        if (!serviceUrls.Allows(activity.ServiceUrl, out var reason))
        {
            LogServiceUrlRefused(reason);
            return Problems.ServiceUrlNotAllowed(reason);
        }

        var answersUser = activity.Type == ActivityTypes.Message && HasRoute(activity);
        if (!tenants.Allows(activity))
        {
            LogTenantRefused(activity.Type);
            if (answersUser && options.Value.TenantRefusal == TenantRefusal.Card)
            {
                notices.Enqueue(activity, cards.TenantRefused());
            }

            // Acknowledged, so the channel does not redeliver; nothing else happens.
            return Results.Ok();
        }

        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
        {
            return null;
        }

        switch (rateLimiter.Acquire(activity))
        {
            case RateDecision.Allowed:
                return null;
            case RateDecision.ThrottledNotify when answersUser:
                LogThrottled(activity.Type);
                notices.Enqueue(activity, cards.SlowDown());
                return Results.Ok();
            default:
                LogThrottled(activity.Type);
                return activity.Type == ActivityTypes.Invoke ? Problems.TooManyRequests() : Results.Ok();
        }
    }

    private static bool HasRoute(Activity activity) =>
        !string.IsNullOrWhiteSpace(activity.ServiceUrl) && !string.IsNullOrWhiteSpace(activity.Conversation?.Id);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Refused an activity: {Reason}")]
    private partial void LogServiceUrlRefused(string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Refused a {Type} activity from a tenant that is not allowed")]
    private partial void LogTenantRefused(string? type);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Throttled a {Type} activity: rate limit reached")]
    private partial void LogThrottled(string? type);
}
