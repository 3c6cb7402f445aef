using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OracleBot.FunctionalTests.Answers;

/// <summary>
/// A real HTTP server on loopback that answers each request with the next scripted handler (the last one
/// repeats), recording the requests' paths and bodies. Stands in for services this machine cannot run.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private Func<HttpContext, Task> _last = context => { context.Response.StatusCode = 404; return Task.CompletedTask; };

    private ScriptedHttpServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<(string Path, string Body)> Requests { get; } = new();

    public int RequestCount => Requests.Count;

    /// <summary>Starts on <paramref name="port"/>, or a port the OS picks; a stopped server can be started again on its port.</summary>
    public static async Task<ScriptedHttpServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    /// <summary>Replaces the script: each handler answers one request, the last answers all after.</summary>
    public void Script(params Func<HttpContext, Task>[] handlers)
    {
        _script.Clear();
        foreach (var handler in handlers[..^1])
        {
            _script.Enqueue(handler);
        }

        _last = handlers[^1];
    }

    public static Func<HttpContext, Task> Status(int status, string body = "", string contentType = "application/json", Action<HttpResponse>? headers = null) =>
        async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            headers?.Invoke(context.Response);
            await context.Response.WriteAsync(body, context.RequestAborted);
        };

    /// <summary>Sends headers and a little of the body, then never finishes (until the client gives up).</summary>
    public static Func<HttpContext, Task> NeverEnds(string start = "") =>
        async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(start, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client hung up, which is the point.
            }
        };

    /// <summary>Never answers at all: not even headers.</summary>
    public static Func<HttpContext, Task> Silent() =>
        async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up.
            }
        };

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Requests.Enqueue((context.Request.Path.Value ?? string.Empty, await reader.ReadToEndAsync(context.RequestAborted)));
        var handler = _script.TryDequeue(out var next) ? next : _last;
        await handler(context);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
