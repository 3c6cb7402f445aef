using System.Net;
using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Conversations;
using OracleBot.FunctionalTests.Bot;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>Threads, mentions, commands, audience, progress and feedback through the whole signed bot.</summary>
public sealed class ConversationTurnTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);

    private SignedBotHost Host => bot.Host;

    [Fact]
    public async Task Follow_up_is_answered_with_the_thread_context_and_new_topic_starts_fresh()
    {
        var conversation = Personal();
        await AskAsync(conversation, "What are the symptoms of hemochromatosis?", expectedMessages: 1);
        await SavedThreadAsync(conversation);
        await AskAsync(conversation, "How is it treated?", expectedMessages: 2);

        var followUp = LastRequest("How is it treated?");
        var prior = Assert.Single(followUp.Context);
        Assert.Equal("What are the symptoms of hemochromatosis?", prior.Question);
        Assert.NotEmpty(prior.CitedDocumentIds);
        Assert.False(string.IsNullOrEmpty(prior.BottomLine));

        await AskAsync(conversation, "NEW TOPIC", expectedMessages: 3);
        await AskAsync(conversation, "What causes pericarditis?", expectedMessages: 4);
        Assert.Empty(LastRequest("What causes pericarditis?").Context);
    }

    [Fact]
    public async Task Separate_threads_do_not_share_context()
    {
        var first = Channel();
        var second = Channel();
        await AskAsync(first, "<at>OracleBot</at> What causes pericarditis?", expectedMessages: 1, mention: true);

        await AskAsync(second, "<at>OracleBot</at> What is the treatment for Graves disease?", expectedMessages: 1, mention: true);

        Assert.Empty(LastRequest("What is the treatment for Graves disease?").Context);
    }

    [Fact]
    public async Task Group_chat_answers_only_when_mentioned_wherever_the_mention_stands()
    {
        var conversation = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";
        var unmentioned = Message(conversation, "What causes gout?", ConversationTypes.GroupChat);
        using (var ack = await PostAsync(unmentioned))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await AskAsync(conversation, "What are the causes of <at>OracleBot</at> kidney stones?", expectedMessages: 1, mention: true,
            type: ConversationTypes.GroupChat);

        Assert.DoesNotContain(bot.AnswerRequests, r => r.Question.Contains("gout", StringComparison.Ordinal));
        Assert.Contains(bot.AnswerRequests, r => r.Question == "What are the causes of kidney stones?");
        Assert.Equal(2, Host.Channel.Requests.Count(r => r.ConversationId == conversation));
        Assert.Equal(ActivityTypes.Typing, Host.Channel.Requests.First(r => r.ConversationId == conversation).Activity!.Type);
    }

    [Theory]
    [InlineData("HELP", "help")]
    [InlineData("<at>OracleBot</at> Help", "help")]
    [InlineData("hi", "welcome")]
    public async Task Commands_and_greetings_get_cards_not_searches(string text, string expected)
    {
        var conversation = Channel();
        var before = bot.AnswerRequests.Count;

        var reply = await AskAsync(conversation, text, expectedMessages: 1, mention: true);

        var card = AnswerTurnTests.AdaptiveCard(reply).ToJsonString();
        Assert.Contains(expected == "help" ? "new topic" : "OracleBot", card, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, bot.AnswerRequests.Count);
    }

    [Fact]
    public async Task Audience_set_by_command_is_remembered_passed_on_and_shown()
    {
        var conversation = Personal();
        var user = "29:" + Guid.NewGuid().ToString("N");
        var set = await AskAsync(conversation, "audience NURSE", expectedMessages: 1, from: user);
        Assert.Contains("nurse", AnswerTurnTests.AdaptiveCard(set).ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var answer = await AskAsync(conversation, "What are the symptoms of gout?", expectedMessages: 2, from: user);

        Assert.Equal(Audiences.Nurse, LastRequest("What are the symptoms of gout?").Audience);
        Assert.Contains("nurse", AnswerTurnTests.AdaptiveCard(answer).ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // Another user in another chat still gets the default.
        await AskAsync(Personal(), "What are the symptoms of gout?", expectedMessages: 1, from: "29:" + Guid.NewGuid().ToString("N"));
        Assert.Equal(Audiences.Physician, LastRequest("What are the symptoms of gout?").Audience);
    }

    [Fact]
    public async Task Audience_card_button_sets_the_audience()
    {
        var conversation = Personal();
        var user = "29:" + Guid.NewGuid().ToString("N");
        var submit = Message(conversation, string.Empty, from: user);
        submit.Text = null;
        submit.Value = new JsonObject { ["action"] = "audience", ["audience"] = "pharmacist" };
        using (await PostAsync(submit))
        {
        }

        await WaitForMessagesAsync(conversation, 1);
        Assert.Equal(Audiences.Pharmacist, await bot.Store.GetAudienceAsync("aad:" + AadOf(user), default));
    }

    [Fact]
    public async Task Personal_chat_streams_an_informative_update_then_the_card_as_the_final_message()
    {
        var conversation = Personal();
        await AskAsync(conversation, "What are the symptoms of adult acute lymphoblastic leukemia?", expectedMessages: 1);

        var calls = Host.Channel.Requests.Where(r => r.ConversationId == conversation).ToList();
        Assert.Equal(2, calls.Count);
        var start = calls[0].Activity!;
        Assert.Equal(ActivityTypes.Typing, start.Type);
        Assert.Equal("Searching guidelines and research…", start.Text);
        var startInfo = Assert.Single(start.Entities!, e => (string?)e["type"] == "streaminfo");
        Assert.Equal("informative", (string?)startInfo["streamType"]);
        Assert.Equal(1, (int?)startInfo["streamSequence"]);
        Assert.Null(startInfo["streamId"]);

        var final = calls[1].Activity!;
        Assert.Equal(ActivityTypes.Message, final.Type);
        var finalInfo = Assert.Single(final.Entities!, e => (string?)e["type"] == "streaminfo");
        Assert.Equal("final", (string?)finalInfo["streamType"]);
        Assert.Null(finalInfo["streamSequence"]);
        Assert.False(string.IsNullOrEmpty((string?)finalInfo["streamId"]));
        Assert.Single(final.Entities!, e => (string?)e["@type"] == "Message");
        Assert.NotNull(AnswerTurnTests.AdaptiveCard(final));
    }

    [Fact]
    public async Task Refused_streaming_falls_back_to_a_normal_message()
    {
        var conversation = Personal();
        Host.Channel.EnqueueResponse(new ScriptedResponse(HttpStatusCode.Forbidden, ErrorCode: "ContentStreamNotAllowed",
            ErrorMessage: "Content stream is not allowed"));

        var reply = await AskAsync(conversation, "What are the treatments for gout?", expectedMessages: 1);

        Assert.DoesNotContain(reply.Entities ?? [], e => (string?)e["type"] == "streaminfo");
        Assert.NotNull(AnswerTurnTests.AdaptiveCard(reply));
    }

    [Fact]
    public async Task Native_feedback_invoke_gets_an_empty_200_and_is_stored_without_the_question()
    {
        var conversation = Personal();
        await AskAsync(conversation, "What are the symptoms of Graves disease?", expectedMessages: 1);
        var answerId = (await SavedThreadAsync(conversation))[^1].AnswerId;

        var invoke = Message(conversation, string.Empty);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "message/submitAction";
        invoke.Text = null;
        invoke.Value = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "dislike", ["feedback"] = "{\"feedbackText\":\"Missing the 2024 guideline\"}" },
        };
        using var response = await PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var stored = new List<FeedbackRecord>();
        await foreach (var record in bot.Store.ReadFeedbackAsync(default))
        {
            stored.Add(record);
        }

        var feedback = Assert.Single(stored, f => f.AnswerId == answerId);
        Assert.Equal("dislike", feedback.Reaction);
        Assert.Equal("Missing the 2024 guideline", feedback.Comment);
        Assert.Null(feedback.Question);
    }

    /// <summary>The thread state is saved just after the reply is sent; wait for it.</summary>
    private async Task<IReadOnlyList<ThreadTurn>> SavedThreadAsync(string conversation)
    {
        for (var i = 0; i < 100; i++)
        {
            var thread = await bot.Store.GetThreadAsync(conversation, default);
            if (thread.Count > 0)
            {
                return thread;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The thread state was not saved.");
    }

    private AnswerRequest LastRequest(string question) => bot.AnswerRequests.Last(r => r.Question == question);

    private async Task<Activity> AskAsync(
        string conversation, string text, int expectedMessages, bool mention = false, string? type = null, string? from = null)
    {
        var activity = Message(conversation, text, type ?? (conversation.StartsWith("a:", StringComparison.Ordinal) ? ConversationTypes.Personal : ConversationTypes.Channel), from);
        if (mention)
        {
            activity.Entities =
            [
                new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = "<at>OracleBot</at>",
                    ["mentioned"] = new JsonObject { ["id"] = activity.Recipient!.Id, ["name"] = "OracleBot" },
                },
            ];
        }

        using (var response = await PostAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return (await WaitForMessagesAsync(conversation, expectedMessages))[expectedMessages - 1].Activity!;
    }

    private Task<IReadOnlyList<CapturedConnectorRequest>> WaitForMessagesAsync(string conversation, int count) =>
        Host.Channel.WaitForActivitiesAsync(r => r.ConversationId == conversation && r.Activity?.Type == ActivityTypes.Message, count, ReplyTimeout);

    private Activity Message(string conversation, string text, string type = ConversationTypes.Personal, string? from = null)
    {
        var activity = Host.Channel.CreateMessage(text, SignedBotHost.AppId, conversation, type);
        if (from is not null)
        {
            activity.From = new ChannelAccount { Id = from, AadObjectId = AadOf(from) };
        }

        return activity;
    }

    private static string AadOf(string userId) => "aad-" + userId[3..];

    private Task<HttpResponseMessage> PostAsync(Activity activity) => Host.Channel.PostActivityAsync(Host.MessagesEndpoint, activity, Host.Token());

    private static string Personal() => "a:" + Guid.NewGuid().ToString("N");

    private static string Channel() => "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2;messageid=" + Random.Shared.NextInt64(1, long.MaxValue);
}
