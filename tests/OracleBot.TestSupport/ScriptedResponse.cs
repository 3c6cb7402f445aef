using System.Net;

namespace OracleBot.TestSupport;

/// <summary>How the loopback channel answers the next connector call instead of at once with success.</summary>
/// <param name="Status">The status; a success status answers as usual (with an id).</param>
/// <param name="Delay">Hold the call this long before answering (a hanging connector); it is captured on arrival.</param>
public sealed record ScriptedResponse(
    HttpStatusCode Status,
    TimeSpan? RetryAfter = null,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    string? CorrelationId = null,
    TimeSpan? Delay = null);
