namespace OracleBot.Turns;

/// <summary>
/// The recent sends of one conversation and the earliest moment the next one stays within Teams' per-thread
/// limits: 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour (PROTOCOL.md §3). Not thread-safe; the pacer locks.
/// </summary>
internal sealed class SendWindow
{
    private static readonly (int Limit, TimeSpan Period)[] ShortWindows =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
    ];

    private const int HourLimit = 1800;
    private const int History = 60;

    // Forgetting a window can let its conversation exceed the hourly limit by at most what the window had
    // counted, and only if it then sends close to 1800 more within the hour; Teams would answer 429 and the
    // connector retry. A window that counted more than this is kept for the whole hour.
    private const int ForgettableHourSends = 60;
    private static readonly TimeSpan LongestShortPeriod = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // Times (as offsets from the pacer's epoch) of the last History sends, oldest first in ring order.
    private readonly TimeSpan[] _sends = new TimeSpan[History];
    private const int Minutes = 60;
    private readonly long[] _minuteStarts = new long[Minutes];
    private readonly int[] _minuteCounts = new int[Minutes];
    private int _count;
    private int _next;

    public TimeSpan LastSend { get; private set; }

    /// <summary>Reserves the earliest allowed send time at or after <paramref name="now"/> and returns it.</summary>
    public TimeSpan Reserve(TimeSpan now)
    {
        var at = now > LastSend ? now : LastSend;
        foreach (var (limit, period) in ShortWindows)
        {
            if (_count >= limit)
            {
                var limitingSend = Recent(limit);
                if (limitingSend + period > at)
                {
                    at = limitingSend + period;
                }
            }
        }

        at = AfterHourLimit(at);
        Record(at);
        return at;
    }

    /// <summary>
    /// True once no limit depends on this window any more: silent for an hour, or silent past the 30-second
    /// window after only a few sends this hour.
    /// </summary>
    public bool CanBeForgotten(TimeSpan now) =>
        now - LastSend > Hour || (now - LastSend > LongestShortPeriod && SendsInHourEndingAt(now) <= ForgettableHourSends);

    /// <summary>The n-th most recent send (1 = the last one).</summary>
    private TimeSpan Recent(int n) => _sends[(_next - n + History) % History];

    private TimeSpan AfterHourLimit(TimeSpan at)
    {
        // Counted per minute: a send that would make the hour's 1800th waits for the oldest counted minute
        // to leave the hour, which errs on the safe side.
        while (true)
        {
            var (total, oldest) = CountHour((long)at.TotalMinutes);
            if (total < HourLimit)
            {
                return at;
            }

            at = TimeSpan.FromMinutes(oldest + Minutes);
        }
    }

    private int SendsInHourEndingAt(TimeSpan at) => CountHour((long)at.TotalMinutes).Total;

    // The sends counted in the hour up to and including `minute`, and the earliest minute that holds any.
    private (int Total, long Oldest) CountHour(long minute)
    {
        var total = 0;
        var oldest = long.MaxValue;
        for (var i = 0; i < Minutes; i++)
        {
            if (_minuteCounts[i] > 0 && _minuteStarts[i] > minute - Minutes)
            {
                total += _minuteCounts[i];
                oldest = Math.Min(oldest, _minuteStarts[i]);
            }
        }

        return (total, oldest);
    }

    private void Record(TimeSpan at)
    {
        _sends[_next] = at;
        _next = (_next + 1) % History;
        _count = Math.Min(_count + 1, History);
        LastSend = at;

        var minute = (long)at.TotalMinutes;
        var slot = (int)(minute % Minutes);
        if (_minuteStarts[slot] != minute)
        {
            _minuteStarts[slot] = minute;
            _minuteCounts[slot] = 0;
        }

        _minuteCounts[slot]++;
    }
}
