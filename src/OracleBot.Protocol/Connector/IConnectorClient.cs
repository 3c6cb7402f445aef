using OracleBot.Protocol.Schema;

namespace OracleBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST calls the bot makes (PROTOCOL.md §3). <c>serviceUrl</c> must come from an activity
/// whose token was validated: the bot's own token is sent there. Failure statuses throw
/// <see cref="ConnectorException"/> after retries; transport failures surface as <see cref="HttpRequestException"/>
/// or a timeout exception.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST v3/conversations/{conversationId}/activities</c>.</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct);

    /// <summary><c>POST v3/conversations/{conversationId}/activities/{replyToId}</c>; sets <c>replyToId</c> when absent.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct);

    /// <summary><c>PUT v3/conversations/{conversationId}/activities/{activityId}</c> with the full new activity.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct);

    /// <summary>Sends a <c>typing</c> activity to the conversation.</summary>
    Task SendTypingAsync(string serviceUrl, string conversationId, CancellationToken ct);
}
