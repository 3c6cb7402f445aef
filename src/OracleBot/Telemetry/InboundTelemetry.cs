namespace OracleBot.Telemetry;

/// <summary>
/// Puts each post to <c>/api/messages</c> in an <c>oraclebot.inbound</c> span and counts it by status code,
/// added through a startup filter so the composition root needs no extra line.
/// </summary>
internal sealed class InboundTelemetry : IStartupFilter
{
    private static readonly PathString Messages = new("/api/messages");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(static async (context, nextMiddleware) =>
        {
            if (!context.Request.Path.Equals(Messages, StringComparison.OrdinalIgnoreCase))
            {
                await nextMiddleware(context);
                return;
            }

            using var span = BotTelemetry.StartInbound();
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                span?.SetTag("http.response.status_code", context.Response.StatusCode);
                BotTelemetry.RecordTurn(context.Response.StatusCode);
            }
        });
        next(app);
    };
}
