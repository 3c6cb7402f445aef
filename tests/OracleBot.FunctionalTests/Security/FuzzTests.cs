using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace OracleBot.FunctionalTests.Security;

/// <summary>
/// Thousands of generated and mutated activities, all with valid tokens: the bot never answers 5xx, never logs
/// an error, and still answers a normal question afterwards. <c>ORACLEBOT_FUZZ_ACTIVITIES</c> sets the count
/// (10,000 by default; raise it for a longer manual run) and <c>ORACLEBOT_FUZZ_SEED</c> replays a run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ten_thousand_hostile_activities_cause_no_server_error_and_the_bot_still_answers()
    {
        var count = EnvironmentInt("ORACLEBOT_FUZZ_ACTIVITIES", 10_000);
        var seed = EnvironmentInt("ORACLEBOT_FUZZ_SEED", Environment.TickCount);
        output.WriteLine($"Fuzz: {count:N0} activities, seed {seed}.");
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Bot:RateLimits:PerTenant"] = "10000000",
        }));
        var mutator = new ActivityMutator(new Random(seed), bot.Channel.ServiceUrl, "28:" + OracleBot.FunctionalTests.Bot.SignedBotHost.AppId);
        var bodies = Enumerable.Range(0, count).Select(_ => mutator.Next()).ToArray();
        var statuses = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentQueue<string>();
        var next = -1;
        var started = DateTime.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var response = await bot.PostAsync(bodies[i]);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                // 501 is the protocol's answer to an invoke the bot does not implement (PROTOCOL.md §4), not a failure.
                if ((int)response.StatusCode >= 500 && !(response.StatusCode == HttpStatusCode.NotImplemented && IsInvoke(bodies[i])))
                {
                    serverErrors.Enqueue($"{(int)response.StatusCode} for body #{i}: {Shorten(bodies[i])}");
                }
            }
        }));

        output.WriteLine($"Posted in {(DateTime.UtcNow - started).TotalSeconds:F1} s: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}")));
        output.WriteLine($"Answer service calls: {bot.Answers.Calls:N0}; connector calls: {bot.Channel.Requests.Count:N0}.");
        Assert.True(serverErrors.IsEmpty, string.Join(Environment.NewLine, serverErrors.Take(10).Concat(
            bot.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Take(5).Select(e => $"{e.Category}: {e.Message} {e.Exception}"))));

        // The bot still answers a plain question, once the fuzzed turns ahead of it are done.
        var question = bot.Message("What causes pericarditis?");
        using (var response = await bot.PostAsync(question))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var reply = await bot.ReplyAsync(question.Conversation!.Id!, TimeSpan.FromMinutes(2));
        Assert.Contains("pericarditis", reply.Body, StringComparison.OrdinalIgnoreCase);

        var errors = bot.Logs.Entries.Where(e => e.Level >= LogLevel.Error || e.Message.Contains("unhandled", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(10).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}: {e.Exception?.Message}")));
    }

    // Read with the bot's own parser, so duplicate keys and odd casing resolve the way the bot resolved them.
    private static bool IsInvoke(string body)
    {
        try
        {
            return OracleBot.Protocol.Schema.ActivityJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(body))?.Type == "invoke";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
