namespace OracleBot.Turns;

public static class TurnPipeline
{
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IActivityClaims, InMemoryActivityClaims>();
        services.AddSingleton<InvokeHandler>();
        services.AddSingleton<TurnDispatcher>();
        services.AddSingleton<ReplySender>();
        services.AddSingleton<TurnHandler>();
        services.AddHostedService<TurnWorker>();
        return services;
    }
}
