using System.Collections.Concurrent;

namespace OracleBot.Turns;

/// <summary>
/// Spaces this instance's sends to each conversation so that bursts stay within Teams' per-thread limits
/// instead of drawing 429s. A send within the limits goes at once; only the excess waits.
/// </summary>
internal sealed class OutboundPacer(TimeProvider time)
{
    // Every question may open a conversation of its own (a new chat, a new channel thread), so windows must
    // be forgotten soon after their conversation falls silent, or they pile up by the hundred thousand.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, SendWindow> _windows = new(StringComparer.Ordinal);
    private readonly long _epoch = time.GetTimestamp();
    private long _nextSweepTicks;

    /// <summary>Waits until a send to <paramref name="conversationId"/> is allowed and counts it.</summary>
    public ValueTask WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetElapsedTime(_epoch);
        SweepIfDue(now);
        var window = _windows.GetOrAdd(conversationId, static _ => new SendWindow());
        TimeSpan at;
        lock (window)
        {
            at = window.Reserve(now);
        }

        var wait = at - now;
        return wait <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(wait, time, cancellationToken));
    }

    internal int TrackedConversations => _windows.Count;

    private void SweepIfDue(TimeSpan now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextSweepTicks, now.Ticks + SweepEvery.Ticks, due) != due)
        {
            return;
        }

        foreach (var (id, window) in _windows)
        {
            bool forgettable;
            lock (window)
            {
                forgettable = window.CanBeForgotten(now);
            }

            if (forgettable)
            {
                _windows.TryRemove(id, out _);
            }
        }
    }
}
