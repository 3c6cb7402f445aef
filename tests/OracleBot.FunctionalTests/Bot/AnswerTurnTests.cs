using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Answers.Retrieval;
using OracleBot.FunctionalTests.Channel;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Bot;

/// <summary>A clinician's question through the whole bot: signed activity in, cited answer card out at the connector.</summary>
public sealed class AnswerTurnTests(SignedBotHost host) : IClassFixture<SignedBotHost>
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Question_is_answered_in_its_conversation_with_citations_of_retrieved_documents()
    {
        const string question = "What are the symptoms of adult acute lymphoblastic leukemia?";
        var conversationId = NewConversation();
        var inbound = host.Channel.CreateMessage(question, SignedBotHost.AppId, conversationId);

        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, inbound, host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await SingleReplyAsync(conversationId);
        Assert.Equal(inbound.Id, reply.ActivityId);
        Assert.StartsWith("Bearer ", reply.Authorization, StringComparison.Ordinal);
        Assert.Equal(inbound.Id, reply.Activity!.ReplyToId);

        var card = AdaptiveCard(reply.Activity);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Contains(question, card.ToJsonString(), StringComparison.Ordinal);

        var citations = Citations(reply.Activity);
        Assert.NotEmpty(citations);
        var index = host.Services.GetRequiredService<KnowledgeIndex>();
        var retrieved = index.Search(question, 8).Select(d => d.Document).ToList();
        Assert.All(citations, citation => Assert.Contains(retrieved, d => d.Url == citation.Url && citation.Name.Length > 0));

        // Every reference on the card opens a retrieved document's own URL.
        var openUrls = Descendants(card).Where(a => (string?)a["type"] == "Action.OpenUrl").Select(a => (string)a["url"]!).ToList();
        Assert.NotEmpty(openUrls);
        Assert.All(openUrls, url => Assert.Contains(url, citations.Select(c => c.Url)));
    }

    [Fact]
    public async Task Follow_up_button_posts_its_question_and_gets_an_answer_that_restates_it()
    {
        var conversationId = NewConversation();
        var first = host.Channel.CreateMessage("How is Hashimoto's disease treated?", SignedBotHost.AppId, conversationId);
        using (await host.Channel.PostActivityAsync(host.MessagesEndpoint, first, host.Token()))
        {
        }

        var answer = await SingleReplyAsync(conversationId);
        var followUp = Descendants(AdaptiveCard(answer.Activity!))
            .First(a => (string?)a["type"] == "Action.Submit" && (string?)a["data"]?["action"] == "followUp");
        var followUpQuestion = (string)followUp["data"]!["question"]!;

        // Teams delivers an Action.Submit as a message with the action's data as its value and no text.
        var submit = host.Channel.CreateMessage(string.Empty, SignedBotHost.AppId, conversationId);
        submit.Text = null;
        submit.Value = followUp["data"]!.DeepClone();
        submit.ReplyToId = "card-message-id";
        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, submit, host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await host.Channel.WaitForActivitiesAsync(r => r.ConversationId == conversationId && r.Activity?.Type == "message", 2, ReplyTimeout);
        var followUpCard = AdaptiveCard(replies[1].Activity!).ToJsonString();
        Assert.Contains(JsonEncodedText.Encode(followUpQuestion).ToString(), followUpCard, StringComparison.Ordinal);
        Assert.NotEmpty(Citations(replies[1].Activity!));
    }

    [Fact]
    public async Task Channel_thread_question_is_answered_in_the_same_thread()
    {
        var threadId = $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1712345678901";
        var inbound = host.Channel.CreateMessage("<at>OracleBot</at> What causes pericarditis?", SignedBotHost.AppId, threadId, ConversationTypes.Channel);
        inbound.Entities = [new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>OracleBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = inbound.Recipient!.Id, ["name"] = "OracleBot" },
        }];

        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, inbound, host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await SingleReplyAsync(threadId);
        Assert.Equal(inbound.Id, reply.ActivityId);
        // The card's own text values, not its JSON (where '<' is always written \u003C): the mention is gone.
        var shown = AdaptiveCard(reply.Activity!)["body"]!.AsArray().Select(n => (string?)n?["text"]).OfType<string>().ToList();
        Assert.Contains("You asked: What causes pericarditis?", shown);
        Assert.DoesNotContain(shown, text => text.Contains("at>", StringComparison.Ordinal) || text.Contains("OracleBot</", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bot_added_to_a_conversation_sends_the_welcome_card()
    {
        var conversationId = NewConversation();
        var update = host.Channel.CreateMessage(string.Empty, SignedBotHost.AppId, conversationId);
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.MembersAdded = [new ChannelAccount { Id = update.From!.Id }, new ChannelAccount { Id = update.Recipient!.Id }];

        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, update, host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = await SingleReplyAsync(conversationId);
        Assert.Null(welcome.ActivityId);
        Assert.Contains("OracleBot", AdaptiveCard(welcome.Activity!).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redelivered_activity_is_acknowledged_and_answered_once()
    {
        var conversationId = NewConversation();
        var inbound = host.Channel.CreateMessage("What are the treatments for hemochromatosis?", SignedBotHost.AppId, conversationId);

        var deliveries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Channel.PostActivityAsync(host.MessagesEndpoint, inbound, host.Token())));

        Assert.All(deliveries, d => Assert.Equal(HttpStatusCode.OK, d.StatusCode));
        await SingleReplyAsync(conversationId);

        // A later activity's reply, not a pause: the redeliveries were queued before it, had any been accepted.
        await ProbeAsync(conversationId);
        Assert.Single(host.Channel.Requests, r => r.ConversationId == conversationId && r.ActivityId == inbound.Id);
    }

    [Fact]
    public async Task Unknown_activity_types_are_acknowledged_and_ignored()
    {
        var conversationId = NewConversation();
        var inbound = host.Channel.CreateMessage("x", SignedBotHost.AppId, conversationId);
        inbound.Type = "somethingNew";

        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, inbound, host.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await ProbeAsync(conversationId);
        Assert.DoesNotContain(host.Channel.Requests, r => r.ConversationId == conversationId && r.ActivityId == inbound.Id);
    }

    private static string NewConversation() => "a:" + Guid.NewGuid().ToString("N");

    /// <summary>Asks for help in the conversation and waits for that reply: what came before it has been handled.</summary>
    private async Task ProbeAsync(string conversationId)
    {
        var probe = host.Channel.CreateMessage("help", SignedBotHost.AppId, conversationId);
        using var response = await host.Channel.PostActivityAsync(host.MessagesEndpoint, probe, host.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Channel.WaitForActivitiesAsync(r => r.ConversationId == conversationId && r.ActivityId == probe.Id && r.Succeeded, 1, TimeSpan.FromSeconds(30));
    }

    private async Task<CapturedConnectorRequest> SingleReplyAsync(string conversationId)
    {
        var replies = await host.Channel.WaitForActivitiesAsync(
            r => r.ConversationId == conversationId && r.Activity?.Type == ActivityTypes.Message, 1, ReplyTimeout);
        return replies[0];
    }

    internal static JsonObject AdaptiveCard(Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal(ContentTypes.AdaptiveCard, attachment.ContentType);
        return Assert.IsType<JsonObject>(attachment.Content);
    }

    /// <summary>The citations of the Teams AI entity: (name, url) in position order.</summary>
    private static List<(string Name, string Url)> Citations(Activity activity)
    {
        var entity = Assert.Single(activity.Entities!, e => (string?)e["@type"] == "Message");
        Assert.Contains("AIGeneratedContent", entity["additionalType"]!.AsArray().Select(t => (string?)t));
        return entity["citation"]!.AsArray()
            .Select(c => ((string)c!["appearance"]!["name"]!, (string)c["appearance"]!["url"]!))
            .ToList();
    }

    internal static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    foreach (var descendant in Descendants(child))
                    {
                        yield return descendant;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    foreach (var descendant in Descendants(item))
                    {
                        yield return descendant;
                    }
                }
            }
        }
    }
}
