namespace OracleBot.Conversations;

/// <summary>
/// An accepted activity whose turn failed, most often because its reply could not be delivered within the
/// connector's delivery window, kept so an operator can replay it (<c>oraclebot replay</c>).
/// </summary>
/// <param name="ActivityJson">The inbound activity as accepted, text included: a replay answers it again.</param>
/// <param name="Reason">What failed, for operators: a status, an error code or an exception type; never content.</param>
/// <param name="MayHaveBeenDelivered">
/// The failure does not prove the reply was not posted (a timeout after sending, a 500): replaying could show
/// the answer twice, so a replay of everything leaves it alone.
/// </param>
public sealed record FailedTurn(ActivityKey Key, ReadOnlyMemory<byte> ActivityJson, DateTimeOffset FailedAt, string Reason, bool MayHaveBeenDelivered);
