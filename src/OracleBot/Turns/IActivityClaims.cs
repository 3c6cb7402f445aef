namespace OracleBot.Turns;

/// <summary>
/// Exactly-once gate: the first caller to claim <c>(conversation.id, activity.id)</c> processes the
/// activity; Teams' redeliveries of the same activity are acknowledged and dropped.
/// </summary>
public interface IActivityClaims
{
    bool TryClaim(string conversationId, string activityId);
}
