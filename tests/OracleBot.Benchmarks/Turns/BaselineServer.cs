using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OracleBot.Benchmarks.Turns;

/// <summary>
/// The floor a bot cannot beat on this machine: a bare Kestrel endpoint that receives an activity, acknowledges
/// it and makes one outbound POST to the connector. Run as its own process, like the bot, so CPU is measured alike.
/// </summary>
internal sealed class BaselineServer : IBenchmark
{
    public string Name => "baseline-server";

    public string Summary => "(used by 'turns') bare Kestrel: one inbound POST, one outbound POST";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var port = int.Parse(arguments[0], System.Globalization.CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        using var connector = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseCookies = false });
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            using var activity = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = activity.RootElement;
            var serviceUrl = root.GetProperty("serviceUrl").GetString()!;
            var conversationId = root.GetProperty("conversation").GetProperty("id").GetString()!;
            var activityId = root.GetProperty("id").GetString()!;
            _ = ReplyAsync(connector, serviceUrl, conversationId, activityId);
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static async Task ReplyAsync(HttpClient connector, string serviceUrl, string conversationId, string activityId)
    {
        var url = $"{serviceUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        using var content = new StringContent(
            $"{{\"type\":\"message\",\"replyToId\":\"{activityId}\",\"attachments\":[{{\"contentType\":\"text/plain\",\"content\":\"ok\"}}]}}",
            Encoding.UTF8, "application/json");
        using var response = await connector.PostAsync(url, content);
    }
}
