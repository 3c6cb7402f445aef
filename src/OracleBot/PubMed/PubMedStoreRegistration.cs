using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OracleBot.Answers;
using OracleBot.Answers.PubMed;
using OracleBot.Conversations;
using StackExchange.Redis;

namespace OracleBot.PubMed;

public static class PubMedStoreRegistration
{
    /// <summary>
    /// Puts PubMed's cache and rate gate in the conversation store's backend: with Redis both are shared by every
    /// instance (so the instances together stay within NCBI's rate); with SQLite, a cache file beside the
    /// conversation database and this process's gate. Call after <c>AddAnswerService</c> and <c>AddConversationStore</c>.
    /// </summary>
    public static IServiceCollection AddPubMedStore(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IPubMedCache>(sp =>
        {
            var (conversations, pubmed, time) = Settings(sp);
            return conversations.Store == ConversationStoreKind.Redis
                ? new RedisPubMedCache(sp.GetRequiredService<IConnectionMultiplexer>(), conversations.RedisKeyPrefix, pubmed.CacheEntries, time)
                : new SqlitePubMedCache(
                    Path.Combine(Path.GetDirectoryName(ConversationStoreRegistration.DatabasePath(conversations, sp.GetRequiredService<IHostEnvironment>().ContentRootPath))!, SqlitePubMedCache.FileName),
                    pubmed.CacheEntries,
                    time);
        }));
        services.Replace(ServiceDescriptor.Singleton<IPubMedRateGate>(sp =>
        {
            var (conversations, pubmed, time) = Settings(sp);
            return conversations.Store == ConversationStoreKind.Redis
                ? new RedisPubMedRateGate(sp.GetRequiredService<IConnectionMultiplexer>(), conversations.RedisKeyPrefix, pubmed.EffectiveRequestsPerSecond)
                : new LocalPubMedRateGate(pubmed.EffectiveRequestsPerSecond, time);
        }));
        return services;
    }

    private static (ConversationOptions Conversations, PubMedOptions PubMed, TimeProvider Time) Settings(IServiceProvider services) =>
        (services.GetRequiredService<IOptions<ConversationOptions>>().Value,
         services.GetRequiredService<IOptions<AnswersOptions>>().Value.PubMed,
         services.GetRequiredService<TimeProvider>());
}
