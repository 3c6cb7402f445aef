using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OracleBot.Answers;
using OracleBot.Answers.Contract;
using OracleBot.Conversations;
using OracleBot.FunctionalTests.Bot;
using OracleBot.FunctionalTests.Security;
using OracleBot.Protocol.Schema;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>
/// Redis restarted under load. Two bot instances share one Redis that keeps an append-only file, as a deployment
/// that must survive restarts does, and answer a steady stream of questions and follow-ups in several
/// conversations, delivered round-robin as a load balancer would. Redis is shut down mid-load and started again a
/// few seconds later on the same port and data. Readiness follows Redis; whatever the bots refuse meanwhile the
/// channel delivers again, as Teams does; every question is answered exactly once; the threads come through whole.
/// </summary>
public sealed class RedisRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string FollowUp = "How is it treated?";
    // With the follow-up, a conversation stays within the 20 turns a thread keeps at most.
    private const int MaxQuestionsPerConversation = 19;

    // One key word of each topic, which an answer about it names.
    private static readonly (string Topic, string KeyWord)[] Topics =
    [
        ("hemochromatosis", "hemochromatosis"), ("pericarditis", "pericarditis"), ("asthma", "asthma"),
        ("shingles", "shingles"), ("celiac disease", "celiac"), ("kidney stones", "kidney"),
    ];

    private static readonly string[] QuestionForms =
        ["What are the symptoms of {0}?", "What causes {0}?", "How is {0} diagnosed?", "What are the treatments for {0}?"];

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ThinkTime = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    private readonly RedisServer _redis = RedisServer.Persistent();
    private readonly string _prefix = "restart:" + Guid.NewGuid().ToString("N")[..8] + ":";
    private readonly List<RecordingAnswerService> _answerServices = [];
    private readonly CapturedLogs _logs = new();
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly ConcurrentQueue<Asked> _asked = new();
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Instance[] _instances = [];
    private int _nextInstance;

    private LoopbackChannel Channel => _instances[0].Host.Channel;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        var first = NewHost();
        var second = NewHost();
        await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());

        // Activities come from the first host's channel; the second host trusts its own channel's signature on
        // a token for the same serviceUrl, so both reply to one connector.
        _instances =
        [
            new Instance(first, first.Token()),
            new Instance(second, second.Channel.CreateToken(SignedBotHost.AppId, serviceUrl: first.Channel.ServiceUrl)),
        ];
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.Host.DisposeAsync();
        }

        await _redis.DisposeAsync();
        _probe.Dispose();
    }

    [Fact]
    public async Task Redis_restarted_mid_load_loses_no_thread_state_and_answers_every_question_exactly_once()
    {
        var conversations = Topics.Select(_ => "a:" + Guid.NewGuid().ToString("N")).ToArray();
        using var stopLoad = new CancellationTokenSource();
        var load = conversations.Select((conversation, i) => ConverseAsync(conversation, Topics[i].Topic, stopLoad.Token)).ToArray();
        await WaitUntilAsync(() => conversations.All(c => AnswersIn(c) >= 2), TimeSpan.FromSeconds(60), "two answers in every conversation");

        // Stopped while an answer is on its way: its progress is showing, its card not yet sent.
        await WaitUntilAsync(() => _asked.Any(IsMidAnswer), TimeSpan.FromSeconds(30), "a question being answered");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await _redis.StopAsync();
        var down = System.Diagnostics.Stopwatch.StartNew();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s Redis stopped");
        foreach (var instance in _instances)
        {
            await WaitForReadinessAsync(instance, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
        }

        // A question that arrives while Redis is down is refused (and so delivered again), not lost.
        var duringOutage = AskAsync("a:" + Guid.NewGuid().ToString("N"), "What are the symptoms of pericarditis?");
        await Task.Delay(Outage - down.Elapsed > TimeSpan.Zero ? Outage - down.Elapsed : TimeSpan.Zero);
        foreach (var instance in _instances)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync(instance));
        }

        await _redis.StartAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s Redis started");
        foreach (var instance in _instances)
        {
            await WaitForReadinessAsync(instance, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s both ready");

        await Task.Delay(TimeSpan.FromSeconds(3));
        await stopLoad.CancelAsync();
        await Task.WhenAll(load);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await duringOutage);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s load stopped");
        await WaitForEmptyInboxAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s inbox empty");

        // A follow-up that names no topic, after the restart: answered from the thread kept in Redis.
        await Task.WhenAll(conversations.Select(c => AskAsync(c, FollowUp)));
        await WaitForEmptyInboxAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s follow-ups answered; {_asked.Count} questions, {_deliveries.Count} deliveries, "
            + $"{_deliveries.Count(d => d.Status != HttpStatusCode.OK)} refused");

        AssertEveryDeliveryWasAcceptedOrRefusedForRetry();
        AssertEveryQuestionAnsweredExactlyOnce();
        for (var i = 0; i < conversations.Length; i++)
        {
            await AssertThreadCameThroughAsync(conversations[i], Topics[i].Topic, Topics[i].KeyWord);
        }

        // The answer sent while Redis was down waited to be recorded; no turn failed or went unrecorded.
        Assert.Contains(_logs.Entries, e => e.Message.Contains("answered turn waits to be marked done", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Category.StartsWith("OracleBot.Turns", StringComparison.Ordinal) && e.Level >= LogLevel.Error);
    }

    private SignedBotHost NewHost() =>
        new()
        {
            Settings = new Dictionary<string, string?>
            {
                ["Conversations:Store"] = "Redis",
                ["Conversations:Redis"] = _redis.Configuration,
                ["Conversations:RedisKeyPrefix"] = _prefix,
                ["Conversations:InboxLease"] = "00:00:20",
                ["Conversations:TurnsKept"] = "20",
                ["Turns:SimulatedAnswerDelay"] = "00:00:01",
                ["Bot:RateLimits:Enabled"] = "false",
            },
            ConfigureServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(_logs);
                services.AddSingleton<IAnswerService>(sp =>
                {
                    var recorder = new RecordingAnswerService(ActivatorUtilities.CreateInstance<EmbeddedAnswerService>(sp));
                    lock (_answerServices)
                    {
                        _answerServices.Add(recorder);
                    }

                    return recorder;
                });
            },
        };

    /// <summary>One clinician asking about one topic, question after question, until told to stop.</summary>
    private async Task ConverseAsync(string conversation, string topic, CancellationToken stop)
    {
        for (var k = 0; k < MaxQuestionsPerConversation && !stop.IsCancellationRequested; k++)
        {
            await AskAsync(conversation, string.Format(CultureInfo.InvariantCulture, QuestionForms[k % QuestionForms.Length], topic));
            await Task.Delay(ThinkTime, CancellationToken.None);
        }
    }

    /// <summary>Delivers a question until it is accepted and waits for its reply; returns the status of the first delivery.</summary>
    private async Task<HttpStatusCode> AskAsync(string conversation, string text)
    {
        var activity = Channel.CreateMessage(text, SignedBotHost.AppId, conversation);
        _asked.Enqueue(new Asked(conversation, activity.Id!, text));
        var first = await DeliverAsync(activity);
        await Channel.WaitForActivitiesAsync(
            r => r.ConversationId == conversation && r.ActivityId == activity.Id && r.Activity?.Type == ActivityTypes.Message, 1, AnswerTimeout);
        return first;
    }

    /// <summary>What Teams does: posts to whichever instance is next, and delivers again after a 503.</summary>
    private async Task<HttpStatusCode> DeliverAsync(Activity activity)
    {
        HttpStatusCode? first = null;
        var deadline = DateTime.UtcNow + AnswerTimeout;
        while (true)
        {
            var instance = _instances[(Interlocked.Increment(ref _nextInstance) & int.MaxValue) % _instances.Length];
            using var response = await Channel.PostActivityAsync(instance.Host.MessagesEndpoint, activity, instance.Token);
            var delivery = new Delivery(response.StatusCode, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType);
            _deliveries.Enqueue(delivery);
            first ??= delivery.Status;
            if (delivery.Status == HttpStatusCode.OK)
            {
                return first.Value;
            }

            Assert.True(delivery.Status == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline,
                $"delivery answered {delivery.Status} ({(DateTime.UtcNow < deadline ? "in time" : "past the deadline")})");
            await Task.Delay(delivery.RetryAfter ?? TimeSpan.FromSeconds(1));
        }
    }

    private bool IsMidAnswer(Asked question)
    {
        var replies = Channel.Requests.Where(r => r.ConversationId == question.Conversation && r.ActivityId == question.ActivityId).ToList();
        return replies.Any(r => r.Activity?.Type == ActivityTypes.Typing) && !replies.Any(r => r.Activity?.Type == ActivityTypes.Message);
    }

    private int AnswersIn(string conversation) =>
        Channel.Requests.Count(r => r.ConversationId == conversation && r.Activity?.Type == ActivityTypes.Message);

    private async Task<HttpStatusCode> ReadinessAsync(Instance instance)
    {
        using var response = await _probe.GetAsync(new Uri(instance.Host.MessagesEndpoint, "/readyz"));
        return response.StatusCode;
    }

    private async Task WaitForReadinessAsync(Instance instance, HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode seen;
        while ((seen = await ReadinessAsync(instance)) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"/readyz still answered {(int)seen}, not {(int)expected}, after {timeout}");
            await Task.Delay(100);
        }
    }

    /// <summary>Every accepted activity marked done: nothing is left for an inbox recovery to answer again later.</summary>
    private async Task WaitForEmptyInboxAsync()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var inbox = new RedisKey(_prefix + "inbox");
        await WaitUntilAsync(async () => await redis.GetDatabase().HashLengthAsync(inbox) == 0, AnswerTimeout, "an empty inbox");
    }

    private void AssertEveryDeliveryWasAcceptedOrRefusedForRetry()
    {
        var deliveries = _deliveries.ToArray();
        Assert.All(deliveries, d => Assert.Contains(d.Status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        var refused = deliveries.Where(d => d.Status == HttpStatusCode.ServiceUnavailable).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(refused, d =>
        {
            Assert.Equal("application/problem+json", d.ContentType);
            Assert.Equal(TimeSpan.FromSeconds(2), d.RetryAfter);
        });
    }

    private void AssertEveryQuestionAnsweredExactlyOnce()
    {
        var asked = _asked.ToArray();
        var replies = Channel.Requests.Where(r => r.Activity?.Type == ActivityTypes.Message).ToList();
        foreach (var question in asked)
        {
            var reply = Assert.Single(replies, r => r.ConversationId == question.Conversation && r.ActivityId == question.ActivityId);
            Assert.True(reply.Succeeded);
            Assert.Contains("You asked: " + question.Text, reply.Body, StringComparison.Ordinal);
        }

        var conversations = asked.Select(q => q.Conversation).ToHashSet();
        Assert.Equal(asked.Length, replies.Count(r => conversations.Contains(r.ConversationId!)));

        // The answer service, too, was asked each question once: nothing was answered twice and one copy dropped.
        Assert.Equal(asked.Length, _answerServices.Sum(s => s.Requests.Count));
    }

    private async Task AssertThreadCameThroughAsync(string conversation, string topic, string keyWord)
    {
        var questions = _asked.Where(q => q.Conversation == conversation).Select(q => q.Text).ToList();
        var earlier = questions[..^1];
        Assert.Equal(FollowUp, questions[^1]);

        var followUp = Assert.Single(
            _answerServices.SelectMany(s => s.Requests),
            r => r.Question == FollowUp && r.Context.Any(turn => turn.Question.Contains(topic, StringComparison.Ordinal)));
        Assert.Equal(earlier.Order(StringComparer.Ordinal), followUp.Context.Select(turn => turn.Question).Order(StringComparer.Ordinal));

        var answer = Channel.Requests.Last(r => r.ConversationId == conversation && r.Activity?.Type == ActivityTypes.Message);
        Assert.Contains(keyWord, answer.Body, StringComparison.OrdinalIgnoreCase);

        var thread = await _instances[1].Host.Services.GetRequiredService<IConversationStore>().GetThreadAsync(conversation, CancellationToken.None);
        Assert.Equal(questions.Count, thread.Count);
        Assert.Equal(thread.Count, thread.Select(t => t.AnswerId).Distinct(StringComparer.Ordinal).Count());
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {what} within {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    private sealed record Instance(SignedBotHost Host, string Token);

    private sealed record Delivery(HttpStatusCode Status, TimeSpan? RetryAfter, string? ContentType);

    private sealed record Asked(string Conversation, string ActivityId, string Text);
}
