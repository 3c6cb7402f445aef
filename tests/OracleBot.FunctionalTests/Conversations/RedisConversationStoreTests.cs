using Microsoft.Extensions.Options;
using OracleBot.Conversations;
using OracleBot.Conversations.Redis;
using StackExchange.Redis;

namespace OracleBot.FunctionalTests.Conversations;

/// <summary>The store contract against a real redis-server; each test has its own key prefix.</summary>
public sealed class RedisConversationStoreTests(RedisServer redis) : ConversationStoreContract, IClassFixture<RedisServer>, IDisposable
{
    private readonly ConnectionMultiplexer _connection = ConnectionMultiplexer.Connect(redis.Configuration);

    private protected override IConversationStore CreateStore(ConversationOptions options) =>
        new RedisConversationStore(_connection, Options.Create(options), Clock);

    [Fact]
    public async Task Claims_expire_after_the_claim_window()
    {
        var options = NewOptions();
        options.ClaimWindow = TimeSpan.FromMinutes(1);
        var store = CreateStore(options);
        var key = new ActivityKey("a:" + Guid.NewGuid().ToString("N"), "1");
        await store.TryAcceptAsync(key, "{}"u8.ToArray(), default);

        var ttl = await _connection.GetDatabase().KeyTimeToLiveAsync(options.RedisKeyPrefix + "c:" + key.Encode());

        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }

    public void Dispose() => _connection.Dispose();
}
