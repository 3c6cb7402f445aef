using System.ComponentModel.DataAnnotations;

namespace OracleBot.Turns;

/// <summary>How the background turn pipeline runs (section <c>Turns</c>).</summary>
public sealed class TurnOptions
{
    public const string SectionName = "Turns";

    /// <summary>
    /// Turns processed at once. Answering mostly waits on I/O (a remote answer service, the connector) and a
    /// streamed answer holds its turn for at least a second, so this far exceeds the core count.
    /// </summary>
    [Range(1, 4096)]
    public int Concurrency { get; set; } = 512;

    /// <summary>Accepted turns that may wait for a worker before new ones are refused with 503.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Longest a question may take to answer before the user gets the error card.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an answer may take before progress is shown. An answer ready within it goes out as the card
    /// alone: a Teams stream is paced at one update a second, so streaming a fast answer would hold it back a
    /// second. Slower answers show progress this soon after the message, well within Teams' one-second goal.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan ProgressDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Show progress in personal chats as a Teams informative stream; off sends typing everywhere.</summary>
    public bool Streaming { get; set; } = true;

    /// <summary>
    /// Added to every answer, to try progress and crash recovery with a fast embedded engine (tests, demos).
    /// Zero in production.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SimulatedAnswerDelay { get; set; } = TimeSpan.Zero;
}
