using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// The garbage collector's work in another .NET process, read from its runtime events over EventPipe (the channel
/// dotnet-counters and dotnet-trace use): bytes allocated, collections per generation and the pauses they
/// made. Allocation drives collections, and a collection stops every thread, so this is what a turn's
/// allocations cost and where a latency tail can come from.
/// </summary>
internal sealed class GcMeter : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly Lock _gate = new();
    private GcTotals _totals;
    private double _suspendedAtMs = double.NaN;

    private GcMeter(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);

        // One allocation tick is raised per ~100 KB allocated and says how much that was: their sum is the total.
        source.Clr.GCAllocationTick += e => Update((ref t) => t.AllocatedBytes += e.AllocationAmount64);
        source.Clr.GCStart += e => Update((ref t) =>
        {
            switch (e.Depth)
            {
                case 0: t.Gen0++; break;
                case 1: t.Gen1++; break;
                default: t.Gen2++; break;
            }
        });

        // A pause is from suspending the runtime to resuming it: every thread of the process waits that long.
        source.Clr.GCSuspendEEStart += e => _suspendedAtMs = e.TimeStampRelativeMSec;
        source.Clr.GCRestartEEStop += e =>
        {
            if (double.IsNaN(_suspendedAtMs))
            {
                return;
            }

            var pause = e.TimeStampRelativeMSec - _suspendedAtMs;
            _suspendedAtMs = double.NaN;
            Update((ref t) =>
            {
                t.PauseMilliseconds += pause;
                t.LongestPauseMilliseconds = Math.Max(t.LongestPauseMilliseconds, pause);
            });
        };
        _reading = Task.Run(source.Process);
    }

    private delegate void Change(ref GcTotals totals);

    /// <summary>A meter on process <paramref name="processId"/>, or null with the reason it cannot be had.</summary>
    public static (GcMeter? Meter, string? Unavailable) TryStart(int processId)
    {
        try
        {
            var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
            return (new GcMeter(new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false)), null);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The totals so far. Events arrive in buffered batches: read it once the process has been idle a moment.</summary>
    public GcTotals Read()
    {
        lock (_gate)
        {
            return _totals;
        }
    }

    /// <summary>Starts a new period for <see cref="GcTotals.LongestPauseMilliseconds"/>.</summary>
    public void ResetLongestPause() => Update((ref t) => t.LongestPauseMilliseconds = 0);

    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or EndOfStreamException or IOException)
        {
            // The process has gone already.
        }

        _reading.Wait(TimeSpan.FromSeconds(5));
        _session.Dispose();
    }

    private void Update(Change change)
    {
        lock (_gate)
        {
            change(ref _totals);
        }
    }
}

/// <summary>What the collector did up to a moment; the difference of two is a period's.</summary>
internal record struct GcTotals(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PauseMilliseconds, double LongestPauseMilliseconds)
{
    public readonly GcTotals Since(GcTotals start) =>
        new(AllocatedBytes - start.AllocatedBytes, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2,
            PauseMilliseconds - start.PauseMilliseconds, LongestPauseMilliseconds);
}
