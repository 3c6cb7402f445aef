namespace OracleBot.Endpoints;

/// <summary>RFC 9457 problem documents for every way an inbound request can be refused.</summary>
internal static class Problems
{
    public static IResult Unauthorized() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "The request does not carry a valid Bot Framework token for this bot.");

    public static IResult TooLarge(int limit) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: $"The request body exceeds the limit of {limit} bytes.");

    public static IResult UnsupportedMediaType() =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
            detail: "Activities must be sent as application/json.");

    public static IResult MalformedActivity(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed activity", detail: detail);

    public static IResult ServiceUrlNotAllowed(string reason) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Service URL not allowed",
            detail: $"The bot does not reply to this activity's serviceUrl: {reason}.");

    public static IResult TooManyRequests() =>
        Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: "This user or tenant is sending faster than the bot's configured limits.");

    /// <summary>
    /// The activity could not be recorded (the conversation store is unreachable), so it is not acknowledged:
    /// the channel delivers it again, and Retry-After says when that is worth trying.
    /// </summary>
    public static IResult StoreUnavailable(TimeSpan retryAfter) =>
        new RetryAfterResult(
            Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable",
                detail: "The bot cannot record the activity right now; deliver it again after the Retry-After interval."),
            retryAfter);
}
