using OracleBot.Security;

namespace OracleBot.Endpoints;

public static class BotEndpoints
{
    public static IServiceCollection AddBotEndpoints(this IServiceCollection services)
    {
        services.AddOptions<MessagesOptions>().BindConfiguration(MessagesOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<Hosting.BotSectionKeys>();
        services.AddProblemDetails();
        services.AddSingleton<MessagesEndpoint>();
        services.AddBotSecurity();
        return services;
    }

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context));

        // The Agents Playground probes the endpoint before it connects; any answer will do.
        endpoints.MapMethods("/api/messages", [HttpMethods.Head, HttpMethods.Get], () => Results.Ok());
        return endpoints;
    }
}
