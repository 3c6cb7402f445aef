using OracleBot.Protocol.Connector;
using OracleBot.Protocol.Schema;

namespace OracleBot.Telemetry;

/// <summary>Wraps the connector client so each operation is one <c>oraclebot.connector</c> span, retries included.</summary>
internal sealed class TracedConnectorClient(IConnectorClient inner) : IConnectorClient
{
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        Traced("send", () => inner.SendToConversationAsync(serviceUrl, conversationId, activity, ct));

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
        Traced("reply", () => inner.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, activity, ct));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        Traced("update", () => inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, ct));

    public async Task SendTypingAsync(string serviceUrl, string conversationId, CancellationToken ct) =>
        await Traced("typing", async () =>
        {
            await inner.SendTypingAsync(serviceUrl, conversationId, ct).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private static async Task<T> Traced<T>(string operation, Func<Task<T>> call)
    {
        using var span = BotTelemetry.StartConnector(operation);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            BotTelemetry.Fail(span, ex);
            throw;
        }
    }
}
