using System.Net;
using OracleBot.FunctionalTests.Bot;

namespace OracleBot.FunctionalTests.Security;

/// <summary>Who gets in: other tenants are refused before any answering, floods are slowed, other bots' tokens fail.</summary>
public sealed class AccessTests
{
    private const string Allowed = "11111111-1111-4111-8111-111111111111";

    [Fact]
    public async Task Other_tenant_gets_a_refusal_card_and_never_reaches_the_answer_service()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = Allowed }));
        var stranger = bot.Message("What causes pericarditis?", tenant: "99999999-9999-4999-8999-999999999999");
        var member = bot.Message("What causes pericarditis?", tenant: Allowed);

        using var refused = await bot.PostAsync(stranger);
        using var admitted = await bot.PostAsync(member);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = await bot.ReplyAsync(stranger.Conversation!.Id!);
        Assert.Contains("not available to your organisation", refusal.Body, StringComparison.Ordinal);
        await bot.ReplyAsync(member.Conversation!.Id!);
        Assert.Equal(1, bot.Answers.Calls);
        Assert.Equal("What causes pericarditis?", Assert.Single(bot.Answers.Requests).Question);
    }

    [Fact]
    public async Task Other_tenant_gets_nothing_when_refusal_is_silent()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = Allowed,
            ["Bot:TenantRefusal"] = "Silent",
        }));
        var stranger = bot.Message("What causes pericarditis?", tenant: "99999999-9999-4999-8999-999999999999");
        var update = bot.Message(string.Empty, tenant: "99999999-9999-4999-8999-999999999999");
        update.Type = "conversationUpdate";
        update.MembersAdded = [new OracleBot.Protocol.Schema.ChannelAccount { Id = update.Recipient!.Id }];

        using var refused = await bot.PostAsync(stranger);
        using var welcome = await bot.PostAsync(update);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, welcome.StatusCode);

        // A member's request in the stranger's conversation, answered after them: the stranger got nothing.
        var member = bot.Message("help", conversationId: stranger.Conversation!.Id, tenant: Allowed);
        using var admitted = await bot.PostAsync(member);
        await bot.Channel.WaitForActivitiesAsync(r => r.ActivityId == member.Id && r.Succeeded, 1, TimeSpan.FromSeconds(30));
        Assert.Equal([member.Id], bot.Channel.Requests.Select(r => r.ActivityId).Distinct());
        Assert.Equal(0, bot.Answers.Calls);
    }

    [Fact]
    public async Task A_user_over_the_limit_is_told_once_to_slow_down_and_others_are_unaffected()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Bot:RateLimits:PerUser"] = "3",
            ["Bot:RateLimits:PerTenant"] = "100",
            ["Bot:RateLimits:Window"] = "00:01:00",
        }));
        var conversationId = "a:flood-" + Guid.NewGuid().ToString("N");

        for (var i = 0; i < 6; i++)
        {
            using var response = await bot.PostAsync(bot.Message("help", conversationId, user: "29:flooder"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await bot.Channel.WaitForActivitiesAsync(r => r.ConversationId == conversationId && r.Activity?.Type == "message", 4, TimeSpan.FromSeconds(30));
        await bot.Host.WaitUntilIdleAsync();
        var bodies = bot.RepliesIn(conversationId).Select(r => r.Body).ToList();
        Assert.Equal(4, bodies.Count);
        Assert.Single(bodies, b => b.Contains("Please slow down", StringComparison.Ordinal));

        var other = bot.Message("What causes pericarditis?", user: "29:colleague");
        using (var response = await bot.PostAsync(other))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.DoesNotContain("slow down", (await bot.ReplyAsync(other.Conversation!.Id!)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_over_its_limit_is_slowed_across_users()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Bot:RateLimits:PerUser"] = "100",
            ["Bot:RateLimits:PerTenant"] = "4",
        }));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await bot.PostAsync(bot.Message("help", user: "29:user-" + i));
            statuses.Add(response.StatusCode);
        }

        await bot.Channel.WaitForActivitiesAsync(r => r.Activity?.Type == "message", 6, TimeSpan.FromSeconds(30));
        await bot.Host.WaitUntilIdleAsync();
        var bodies = bot.Channel.Requests.Where(r => r.Activity?.Type == "message").Select(r => r.Body).ToList();
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(4, bodies.Count(b => !b.Contains("Please slow down", StringComparison.Ordinal)));
        Assert.Equal(2, bodies.Count(b => b.Contains("Please slow down", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Invokes_over_the_limit_are_429_with_a_problem_document_and_no_card()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Bot:RateLimits:PerUser"] = "2",
            ["Bot:RateLimits:PerTenant"] = "100",
            ["Bot:RateLimits:Window"] = "00:01:00",
        }));
        var conversationId = "a:invokes-" + Guid.NewGuid().ToString("N");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await bot.PostAsync(Feedback(bot, conversationId));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("configured limits", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        // Another user is unaffected, and nothing was posted into the conversation (an invoke's answer is its response).
        using var other = await bot.PostAsync(Feedback(bot, conversationId, user: "29:other-user"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.DoesNotContain(bot.Channel.Requests, r => r.ConversationId == conversationId);
    }

    private static OracleBot.Protocol.Schema.Activity Feedback(SecureBot bot, string conversationId, string user = "29:loopback-user")
    {
        var invoke = bot.Message(string.Empty, conversationId, user: user);
        invoke.Type = OracleBot.Protocol.Schema.ActivityTypes.Invoke;
        invoke.Name = "message/submitAction";
        invoke.Text = null;
        invoke.Value = new System.Text.Json.Nodes.JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new System.Text.Json.Nodes.JsonObject { ["reaction"] = "like" },
        };
        return invoke;
    }

    [Fact]
    public async Task Token_for_another_bot_and_token_signed_by_a_withdrawn_key_are_401()
    {
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Bot:SigningKeyRefreshInterval"] = "00:00:01",
            ["Bot:SigningKeyRefreshCooldown"] = "00:00:01",
        }));
        var activity = bot.Message("What causes pericarditis?");

        using var otherBot = await bot.Channel.PostActivityAsync(bot.Host.MessagesEndpoint, activity, bot.Channel.CreateToken("0f0e0d0c-0b0a-4908-8706-050403020100"));
        Assert.Equal(HttpStatusCode.Unauthorized, otherBot.StatusCode);

        // The bot has cached the current key; the channel rotates it out and the bot's next refresh drops it.
        var old = bot.Channel.SigningKey;
        using (var warm = await bot.PostAsync(bot.Message("help")))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        bot.Channel.RotateSigningKey();
        await Task.Delay(1_500);
        var withdrawn = bot.Channel.CreateToken(SignedBotHost.AppId, signWith: old, customize: d => d.Claims["jti"] = Guid.NewGuid().ToString());
        using var stale = await bot.Channel.PostActivityAsync(bot.Host.MessagesEndpoint, bot.Message("help"), withdrawn);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);

        using var current = await bot.PostAsync(bot.Message("help"));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(0, bot.Answers.Calls);
    }
}
