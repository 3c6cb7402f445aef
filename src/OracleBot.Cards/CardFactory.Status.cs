using System.Globalization;
using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards.Text;

namespace OracleBot.Cards;

/// <summary>The short cards that answer commands and feedback rather than questions.</summary>
public sealed partial class CardFactory
{
    /// <summary>
    /// The audience picker: shows <paramref name="currentAudience"/> and one button per audience, each
    /// posting <c>{"action":"audience","audience":"nurse"}</c>.
    /// </summary>
    public JsonObject Audience(string currentAudience)
    {
        var current = CardText.Markdown(currentAudience, 40);
        var choices = new JsonArray();
        foreach (var audience in Audiences.All)
        {
            var label = char.ToUpperInvariant(audience[0]) + audience[1..];
            choices.Add(new JsonObject
            {
                ["title"] = string.Equals(audience, currentAudience, StringComparison.OrdinalIgnoreCase) ? label + " ✓" : label,
                ["audience"] = audience,
            });
        }

        return _templates.Audience.BindObject(new JsonObject
        {
            ["current"] = current.Length > 0 ? current : Audiences.Physician,
            ["choices"] = choices,
        });
    }

    /// <summary>Acknowledges feedback on an answer; <paramref name="reaction"/> is <c>like</c> or <c>dislike</c>.</summary>
    public JsonObject FeedbackThanks(string reaction)
    {
        var message = string.Equals(reaction, "dislike", StringComparison.OrdinalIgnoreCase)
            ? "Sorry this answer did not help. Your feedback goes to the people who curate the knowledge base; please check the cited sources or ask the question another way."
            : "Glad it helped. Your feedback tells the people who curate the knowledge base what works.";
        return _templates.FeedbackThanks.BindObject(new JsonObject
        {
            ["title"] = "Thanks for your feedback",
            ["message"] = message,
        });
    }

    /// <summary>Explains that a question of <paramref name="length"/> characters is over the <paramref name="maxLength"/> limit.</summary>
    public JsonObject TooLong(int length, int maxLength) =>
        _templates.TooLong.BindObject(new JsonObject
        {
            ["length"] = length.ToString("N0", CultureInfo.InvariantCulture),
            ["maxLength"] = maxLength.ToString("N0", CultureInfo.InvariantCulture),
        });
}
