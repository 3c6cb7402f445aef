using System.Text.Json.Nodes;

namespace OracleBot.Cards;

/// <summary>Cards for messages the bot turns away before answering: throttled users and other organisations.</summary>
public sealed partial class CardFactory
{
    /// <summary>Asks a user who sent too many messages in a short time to wait a moment.</summary>
    public JsonObject SlowDown() => _templates.Notice.BindObject(new JsonObject
    {
        ["title"] = "Please slow down",
        ["message"] = "You have sent a lot of messages in a short time, so OracleBot skipped the last one. Wait a minute, then ask again.",
    });

    /// <summary>Tells a user that their organisation has not enabled OracleBot.</summary>
    public JsonObject TenantRefused() => _templates.Notice.BindObject(new JsonObject
    {
        ["title"] = "OracleBot is not available to your organisation",
        ["message"] = "This bot answers questions only for the organisations that deploy it. Ask your administrator if you expected to use it.",
    });
}
