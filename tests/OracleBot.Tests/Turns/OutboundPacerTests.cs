using OracleBot.Turns;

namespace OracleBot.Tests.Turns;

public sealed class OutboundPacerTests
{
    /// <summary>A clock the test moves by hand; the pacer reads only timestamps from it.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; private set; } = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;

        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    [Fact]
    public async Task Sends_within_the_per_second_limit_go_at_once_and_the_eighth_waits()
    {
        var clock = new ManualClock();
        var pacer = new OutboundPacer(clock);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(pacer.WaitAsync("conversation", CancellationToken.None).IsCompleted, $"send {i + 1} waited");
        }

        var eighth = pacer.WaitAsync("conversation", CancellationToken.None);
        Assert.False(eighth.IsCompleted);
        Assert.True(pacer.WaitAsync("another conversation", CancellationToken.None).IsCompleted);

        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pacer.WaitAsync("conversation", cancel.Token).AsTask());
    }

    [Fact]
    public async Task Conversations_that_fell_silent_after_a_few_sends_are_forgotten_and_busy_ones_kept()
    {
        var clock = new ManualClock();
        var pacer = new OutboundPacer(clock);
        for (var i = 0; i < 1000; i++)
        {
            await pacer.WaitAsync($"one-question chat {i}", CancellationToken.None);
        }

        Assert.Equal(1000, pacer.TrackedConversations);

        // A busy conversation: 120 sends over 20 minutes, within every limit.
        for (var i = 0; i < 120; i++)
        {
            await pacer.WaitAsync("busy channel thread", CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, pacer.TrackedConversations);
        clock.Advance(TimeSpan.FromMinutes(1));
        await pacer.WaitAsync("a new chat", CancellationToken.None);

        Assert.Equal(2, pacer.TrackedConversations);

        clock.Advance(TimeSpan.FromHours(1));
        await pacer.WaitAsync("a later chat", CancellationToken.None);
        Assert.Equal(1, pacer.TrackedConversations);
    }
}
