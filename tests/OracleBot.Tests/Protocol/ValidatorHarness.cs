using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.Protocol;
using OracleBot.Protocol.Authentication;

namespace OracleBot.Tests.Protocol;

/// <summary>The validator as <c>AddBotProtocol</c> wires it, with key fetches served by a <see cref="TestChannelAuthority"/>.</summary>
internal sealed class ValidatorHarness : IDisposable
{
    public const string AppId = "6f1c1b5e-2a8e-4a55-9d1e-0c7b1b1c1a01";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    private readonly ServiceProvider _services;

    public ValidatorHarness(string? appId = AppId)
    {
        Authority = new TestChannelAuthority();
        Key = Authority.Publish("key-1", "msteams");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:AppId"] = appId,
                ["Bot:OpenIdMetadataUrl"] = TestChannelAuthority.MetadataUrl,
                // No app id is refused at start unless anonymous access is meant.
                ["Bot:AllowUnauthenticated"] = string.IsNullOrEmpty(appId) ? "true" : null,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddBotProtocol();
        services.AddHttpClient(BotProtocolServiceCollectionExtensions.MetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Authority);
        _services = services.BuildServiceProvider();
        Validator = _services.GetRequiredService<IChannelTokenValidator>();
    }

    public TestChannelAuthority Authority { get; }

    public TestSigningKey Key { get; }

    public ManualTimeProvider Clock { get; } = new();

    public IChannelTokenValidator Validator { get; }

    public Task<ChannelIdentity> ValidateAsync(string token) => Validator.ValidateAsync("Bearer " + token, CancellationToken.None);

    public void Dispose() => _services.Dispose();
}
