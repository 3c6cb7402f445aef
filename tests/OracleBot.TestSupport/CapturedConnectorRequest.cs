using OracleBot.Protocol.Schema;

namespace OracleBot.TestSupport;

/// <summary>One connector call the bot made to the loopback channel.</summary>
/// <param name="Method">HTTP method (POST, PUT…).</param>
/// <param name="RawPath">The path exactly as sent, still percent-encoded.</param>
/// <param name="ConversationId">The decoded conversation id from the route.</param>
/// <param name="ActivityId">The decoded activity id after <c>/activities/</c>, if any.</param>
/// <param name="Body">The raw request body.</param>
/// <param name="Activity">The body parsed as an activity, or null when it is not one.</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
/// <param name="ResponseStatus">The status the channel answered with.</param>
public sealed record CapturedConnectorRequest(
    string Method,
    string RawPath,
    string? ConversationId,
    string? ActivityId,
    string Body,
    Activity? Activity,
    string? Authorization,
    int ResponseStatus)
{
    public bool Succeeded => ResponseStatus is >= 200 and < 300;
}
