using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OracleBot.TestSupport;

/// <summary>Starts a quiet Kestrel app on 127.0.0.1 with a port the OS picks, so parallel tests never collide.</summary>
public static class LoopbackServer
{
    /// <param name="port">A given port instead of one the OS picks, e.g. to start listening where a client was already refused.</param>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(
        Action<WebApplication> map,
        Action<WebApplicationBuilder>? configure = null,
        Action<ListenOptions>? listen = null,
        CancellationToken ct = default,
        int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, options => listen?.Invoke(options)));
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Starts a loopback Bot Framework connector: its send, reply and update routes under <c>/teams/</c> all go
    /// to <paramref name="handler"/>, which may bind the <c>conversationId</c> route value.
    /// </summary>
    public static async Task<(WebApplication App, string ServiceUrl)> StartConnectorAsync(Delegate handler)
    {
        var (app, baseAddress) = await StartAsync(a =>
        {
            a.MapPost("/teams/v3/conversations/{conversationId}/activities/{replyToId}", handler);
            a.MapPost("/teams/v3/conversations/{conversationId}/activities", handler);
            a.MapPut("/teams/v3/conversations/{conversationId}/activities/{activityId}", handler);
        });
        return (app, baseAddress + "teams/");
    }
}
