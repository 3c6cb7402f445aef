using OracleBot.Turns;

namespace OracleBot.Tests.Turns;

/// <summary>
/// Each of Teams' per-thread limits (PROTOCOL.md §3) binds where it should, and a greedy sender never exceeds
/// any of them in any sliding window.
/// </summary>
public sealed class SendWindowTests
{
    private static readonly (int Limit, TimeSpan Period)[] TeamsLimits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    [Fact]
    public void The_ninth_send_of_a_burst_waits_for_the_two_second_window()
    {
        var sends = Greedy(9);

        Assert.All(sends.Take(7), at => Assert.Equal(TimeSpan.Zero, at));
        Assert.Equal(TimeSpan.FromSeconds(1), sends[7]);  // 7 per second
        Assert.Equal(TimeSpan.FromSeconds(2), sends[8]);  // 8 per 2 s: the first send leaves the window
    }

    [Fact]
    public void The_sixty_first_send_waits_for_the_thirty_second_window()
    {
        var sends = Greedy(61);

        Assert.True(sends[59] < TimeSpan.FromSeconds(30), $"the 60th send went at {sends[59]}");
        Assert.Equal(TimeSpan.FromSeconds(30), sends[60]);
    }

    [Fact]
    public void The_send_after_1800_in_an_hour_waits_for_the_hour()
    {
        var sends = Greedy(1801);

        Assert.True(sends[1799] < TimeSpan.FromMinutes(20), $"the 1800th send went at {sends[1799]}");
        Assert.Equal(TimeSpan.FromHours(1), sends[1800]);
    }

    [Fact]
    public void A_greedy_sender_stays_within_every_limit_in_every_window()
    {
        var sends = Greedy(2_000);

        foreach (var (limit, period) in TeamsLimits)
        {
            var first = 0;
            for (var last = 0; last < sends.Count; last++)
            {
                while (sends[first] <= sends[last] - period)
                {
                    first++;
                }

                Assert.True(last - first + 1 <= limit, $"{last - first + 1} sends within {period} ending at {sends[last]}");
            }
        }
    }

    /// <summary>Asks for a send as soon as the previous one is allowed, every time; returns when each went.</summary>
    private static List<TimeSpan> Greedy(int count)
    {
        var window = new SendWindow();
        var sends = new List<TimeSpan>(count);
        var now = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            now = window.Reserve(now);
            sends.Add(now);
        }

        return sends;
    }
}
