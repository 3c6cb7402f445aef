using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OracleBot.Protocol.Schema;

namespace OracleBot.Security;

/// <summary>
/// Sliding-window limits on what one user and one tenant may send, chained so a message needs a permit from
/// both. A throttled user is told to slow down once per window, not once per message, so a flood cannot turn
/// into a flood of replies.
/// </summary>
internal sealed class InboundRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Activity>? _limiter;
    private readonly PartitionedRateLimiter<string>? _notices;

    public InboundRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var perUser = PartitionedRateLimiter.Create<Activity, string>(activity =>
            RateLimitPartition.GetSlidingWindowLimiter(UserKey(activity), _ => Window(settings.PerUser, settings.Window)));
        var perTenant = PartitionedRateLimiter.Create<Activity, string>(activity =>
            RateLimitPartition.GetSlidingWindowLimiter(TenantGate.TenantOf(activity) ?? string.Empty, _ => Window(settings.PerTenant, settings.Window)));
        _limiter = PartitionedRateLimiter.CreateChained(perUser, perTenant);
        _notices = PartitionedRateLimiter.Create<string, string>(user =>
            RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = 1,
                Window = settings.Window,
                QueueLimit = 0,
            }));
    }

    /// <summary>Takes a permit for the activity's sender and tenant.</summary>
    public RateDecision Acquire(Activity activity)
    {
        if (_limiter is null)
        {
            return RateDecision.Allowed;
        }

        using var lease = _limiter.AttemptAcquire(activity);
        if (lease.IsAcquired)
        {
            return RateDecision.Allowed;
        }

        using var notice = _notices!.AttemptAcquire(UserKey(activity));
        return notice.IsAcquired ? RateDecision.ThrottledNotify : RateDecision.Throttled;
    }

    public void Dispose()
    {
        _limiter?.Dispose();
        _notices?.Dispose();
    }

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    // The Entra object id is stable across a user's chats; the channel account id is the fallback.
    private static string UserKey(Activity activity) =>
        (TenantGate.TenantOf(activity) ?? string.Empty) + "|" + (activity.From?.AadObjectId ?? activity.From?.Id ?? string.Empty);
}

internal enum RateDecision
{
    Allowed,

    /// <summary>Over the limit; the user was already told in this window.</summary>
    Throttled,

    /// <summary>Over the limit; tell the user to slow down.</summary>
    ThrottledNotify,
}
