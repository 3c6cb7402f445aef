using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OracleBot.Turns;

public static class TurnPipeline
{
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InFlightTurns>();
        services.AddSingleton<OutboundPacer>();
        services.AddSingleton<FeedbackRecorder>();
        services.AddSingleton<InvokeHandler>();
        services.AddSingleton<TurnDispatcher>();
        services.AddSingleton<ReplySender>();
        services.AddSingleton<AnswerProgressFactory>();
        services.AddSingleton<QuestionAnswerer>();
        services.AddSingleton<TurnHandler>();
        services.AddHostedService<TurnWorker>();
        services.AddHostedService<InboxRecovery>();
        return services;
    }
}
