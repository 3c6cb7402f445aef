using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OracleBot.Conversations.Redis;
using OracleBot.Conversations.Sqlite;
using StackExchange.Redis;

namespace OracleBot.Conversations;

public static class ConversationStoreRegistration
{
    public const string DatabaseFileName = "conversations.db";

    /// <summary>Registers <see cref="IConversationStore"/> (SQLite or Redis per <c>Conversations:Store</c>) and its retention purge.</summary>
    public static IServiceCollection AddConversationStore(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionMultiplexer>(sp =>
            RedisConnection.Connect(sp.GetRequiredService<IOptions<ConversationOptions>>().Value.Redis!));
        services.TryAddSingleton<IConversationStore>(Create);
        services.AddHostedService<RetentionPurge>();
        return services;
    }

    public static string DatabasePath(ConversationOptions options, string contentRoot) =>
        Path.Combine(Path.GetFullPath(options.DataDirectory, contentRoot), DatabaseFileName);

    private static IConversationStore Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ConversationOptions>>();
        var time = services.GetRequiredService<TimeProvider>();
        return options.Value.Store switch
        {
            ConversationStoreKind.Redis => new RedisConversationStore(services.GetRequiredService<IConnectionMultiplexer>(), options, time),
            _ => new SqliteConversationStore(
                DatabasePath(options.Value, services.GetRequiredService<IHostEnvironment>().ContentRootPath), options, time),
        };
    }
}
