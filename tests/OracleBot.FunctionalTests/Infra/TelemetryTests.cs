using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.Protocol.Schema;

namespace OracleBot.FunctionalTests.Infra;

/// <summary>
/// The bot as its own process with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> pointing at a loopback OTLP/HTTP
/// receiver: a real turn (with one transient connector failure) is exported as traces and metrics by the
/// real OTLP exporter, and no exported byte carries the question, the answer or the conversation's ids.
/// OTLP is protobuf, whose strings are plain UTF-8, so searching the raw bodies is a sound check.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("oraclebot-otel-").FullName;
    private WebApplication _receiver = null!;
    private Uri _receiverAddress = null!;
    private LoopbackChannel _channel = null!;

    public async Task InitializeAsync()
    {
        (_receiver, _receiverAddress) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _exports.Enqueue((context.Request.Path.Value!, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        }));
        _channel = await LoopbackChannel.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _receiver.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_turn_is_exported_over_otlp_without_question_answer_or_ids()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _receiverAddress.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["Conversations:DataDirectory"] = _dataDirectory,
            ["Bot:Connector:RetryBaseDelay"] = "00:00:00.010",
            ["Bot:Connector:RetryMaxDelay"] = "00:00:00.050",
        });

        var marker = $"zq{Guid.NewGuid():N}";
        var question = $"What are the symptoms of adult acute lymphoblastic leukemia {marker}?";
        var conversationId = $"a:telemetry-{Guid.NewGuid():N}";
        var inbound = _channel.CreateMessage(question, "00000000-0000-0000-0000-000000000000", conversationId);
        _channel.EnqueueFailures(1, HttpStatusCode.ServiceUnavailable);

        using var response = await _channel.PostActivityAsync(bot.MessagesEndpoint, inbound, token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _channel.WaitForActivitiesAsync(
            r => r.ConversationId == conversationId && r.Activity?.Type == ActivityTypes.Message, 1, TimeSpan.FromSeconds(30)))[0];

        string[] expected =
        [
            "oraclebot.inbound", "oraclebot.answer", "oraclebot.card", "oraclebot.connector", "oraclebot.answer.citations",
            "oraclebot.turns", "oraclebot.answer.duration", "oraclebot.connector.retries", "/v3/conversations/{id}/activities",
        ];
        await WaitUntilAsync(() => expected.All(Exported), () => "missing: " + string.Join(", ", expected.Where(e => !Exported(e))));
        Assert.Contains(_exports, e => e.Path == "/v1/traces");
        Assert.Contains(_exports, e => e.Path == "/v1/metrics");

        // The answer's own sentences: any run of its text longer than a few words must not be exported.
        var card = reply.Activity!.Attachments![0].Content!;
        var bottomLine = (string?)card["body"]?[0]?["text"] ?? card.ToJsonString()[..200];
        string[] forbidden = [marker, "lymphoblastic", conversationId, inbound.From!.Id!, inbound.Id!, bottomLine];
        foreach (var text in forbidden)
        {
            Assert.False(Exported(text), $"exported telemetry contains '{text}'");
        }
    }

    [Fact]
    public async Task The_answer_service_exports_its_requests_and_answers_over_otlp_without_the_question()
    {
        // On the command line, as a deployment gives them: the telemetry decision is made while services are registered.
        await using var service = OracleBot.AnswerService.AnswerApi.Build(
            [
                "--urls", "http://127.0.0.1:0",
                "--Answers:IndexDirectory", RepositoryPaths.SharedIndexDirectory,
                "--Telemetry:OtlpEndpoint", _receiverAddress.ToString(),
                "--Telemetry:OtlpProtocol", "http/protobuf",
                "--OTEL_BSP_SCHEDULE_DELAY", "200",
                "--OTEL_METRIC_EXPORT_INTERVAL", "500",
            ]);
        await service.StartAsync();
        var address = service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        var marker = $"zq{Guid.NewGuid():N}";
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        await WaitUntilReadyAsync(http);

        using var answer = await http.PostAsync(new Uri("/v1/answers", UriKind.Relative), new StringContent(
            $$"""{"question":"What are the symptoms of adult acute lymphoblastic leukemia {{marker}}?","audience":"physician"}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        string[] expected = ["oraclebot-answers", "/v1/answers", "http.server.request.duration", "oraclebot.answers.cache.misses"];
        await WaitUntilAsync(() => expected.All(Exported), () => "missing: " + string.Join(", ", expected.Where(e => !Exported(e))));
        Assert.False(Exported(marker), "exported telemetry contains the question");
        Assert.False(Exported("lymphoblastic"), "exported telemetry contains the question");
        Assert.False(Exported("/readyz"), "probes are traced");
    }

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (ready.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the answer service never became ready");
    }

    private bool Exported(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _exports.Any(e => e.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), describe());
    }
}
