using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OracleBot.FunctionalTests.Cards;

/// <summary>
/// What Teams needs of a bot's card beyond the schema: version 1.5 or lower, only actions that work
/// on every Teams client (no <c>Action.Execute</c>-only paths), http(s) links only, toggles that point
/// at real elements, alt text on images, wrapping text.
/// </summary>
internal static class TeamsCardRules
{
    private static readonly HashSet<string> MobileSafeActions = ["Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility"];

    public static IReadOnlyList<string> Check(JsonObject card)
    {
        var problems = new List<string>();
        if (card["type"]?.GetValue<string>() != "AdaptiveCard")
        {
            problems.Add("root is not an AdaptiveCard");
        }

        if (!decimal.TryParse(card["version"]?.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var version) || version > 1.5m)
        {
            problems.Add($"version {card["version"]} is not 1.5 or lower");
        }

        var nodes = Descendants(card).OfType<JsonObject>().ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in nodes.Select(n => n["id"]).OfType<JsonValue>().Select(v => v.GetValue<string>()))
        {
            if (!ids.Add(id))
            {
                problems.Add($"duplicate element id {id}");
            }
        }

        foreach (var node in nodes)
        {
            var type = node["type"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (type is null)
            {
                continue;
            }

            if (type.StartsWith("Action.", StringComparison.Ordinal))
            {
                CheckAction(node, type, ids, problems);
            }
            else if (type == "Image" && string.IsNullOrWhiteSpace(node["altText"]?.GetValue<string>()))
            {
                problems.Add($"image without alt text: {node.ToJsonString()}");
            }
            else if (type == "TextBlock" && node["wrap"]?.GetValue<bool>() != true)
            {
                problems.Add($"TextBlock does not wrap: {node.ToJsonString()}");
            }
        }

        return problems;
    }

    private static void CheckAction(JsonObject action, string type, HashSet<string> ids, List<string> problems)
    {
        if (!MobileSafeActions.Contains(type))
        {
            problems.Add($"{type} is not an action every Teams client supports");
            return;
        }

        switch (type)
        {
            case "Action.OpenUrl":
                var url = action["url"]?.GetValue<string>();
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    problems.Add($"Action.OpenUrl to a non-http(s) URL: {url}");
                }

                break;
            case "Action.Submit":
                if (action["data"] is not JsonObject data || data["action"] is null)
                {
                    problems.Add($"Action.Submit without an action in its data: {action.ToJsonString()}");
                }
                else if (data["msteams"] is not null)
                {
                    problems.Add("Action.Submit uses msteams data, which the Agents Playground ignores");
                }

                break;
            case "Action.ToggleVisibility":
                var targets = action["targetElements"] as JsonArray ?? [];
                if (targets.Count == 0)
                {
                    problems.Add("Action.ToggleVisibility without targets");
                }

                foreach (var target in targets)
                {
                    var id = target is JsonObject o ? o["elementId"]?.GetValue<string>() : target?.GetValue<string>();
                    if (id is null || !ids.Contains(id))
                    {
                        problems.Add($"Action.ToggleVisibility targets a missing element {id}");
                    }
                }

                break;
        }

        if (string.IsNullOrWhiteSpace(action["title"]?.GetValue<string>()))
        {
            problems.Add($"{type} without a title (its accessible name): {action.ToJsonString()}");
        }
    }

    public static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
