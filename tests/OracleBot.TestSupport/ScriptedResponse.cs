using System.Net;

namespace OracleBot.TestSupport;

/// <summary>A failure the loopback channel answers with instead of success, for the next connector call.</summary>
public sealed record ScriptedResponse(
    HttpStatusCode Status,
    TimeSpan? RetryAfter = null,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    string? CorrelationId = null);
