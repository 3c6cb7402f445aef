namespace OracleBot.Protocol.Connector;

/// <summary>Builds connector URLs; ids are escaped because Teams ids contain ':', '@' and ';'.</summary>
internal static class ConnectorRoutes
{
    public static Uri Activities(string serviceUrl, string conversationId) =>
        new(string.Concat(BaseOf(serviceUrl), "v3/conversations/", Uri.EscapeDataString(conversationId), "/activities"));

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        new(string.Concat(
            BaseOf(serviceUrl), "v3/conversations/", Uri.EscapeDataString(conversationId), "/activities/", Uri.EscapeDataString(activityId)));

    private static string BaseOf(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        return serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
    }
}
