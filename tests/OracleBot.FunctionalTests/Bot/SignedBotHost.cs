using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OracleBot.FunctionalTests.Channel;
using OracleBot.FunctionalTests.Infrastructure;
using OracleBot.Protocol;

namespace OracleBot.FunctionalTests.Bot;

/// <summary>
/// The whole bot on a real Kestrel socket, configured as in production with an app id: it validates the
/// loopback channel's signed tokens and fetches its connector token from a loopback HTTPS token authority.
/// </summary>
public sealed class SignedBotHost : IAsyncLifetime
{
    public const string AppId = "5d3c2b1a-7e6f-4a5b-9c8d-0123456789ab";

    private WebApplicationFactory<Program> _factory = null!;

    public LoopbackChannel Channel { get; private set; } = null!;

    public LoopbackTokenAuthority Authority { get; private set; } = null!;

    public Uri MessagesEndpoint { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>Replaces services for one host, e.g. a slower answer service.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Channel = await LoopbackChannel.StartAsync();
        Authority = await LoopbackTokenAuthority.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Bot:AppId", AppId);
            builder.UseSetting("Bot:ClientSecret", "loopback-secret");
            builder.UseSetting("Bot:AuthorityHost", Authority.AuthorityHost.ToString());
            builder.UseSetting("Bot:DisableInstanceDiscovery", "true");
            builder.UseSetting("Bot:OpenIdMetadataUrl", Channel.OpenIdMetadataUrl);
            builder.UseSetting("Bot:RequireHttpsMetadata", "false");
            builder.UseSetting("Answers:IndexDirectory", RepositoryPaths.SharedIndexDirectory);
            builder.UseSetting(RepositoryPaths.VectorsEnabledSetting, "false");
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                // The stand-in authority has a self-signed certificate: only the identity client trusts it.
                services.AddHttpClient(BotProtocolServiceCollectionExtensions.IdentityHttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(() => Authority.CreateTrustingHandler());
                ConfigureServices?.Invoke(services);
            });
        });
        _factory.UseKestrel();
        _factory.StartServer();

        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        MessagesEndpoint = new Uri(new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), "/api/messages");
        await _factory.Services.GetRequiredService<OracleBot.Answers.Retrieval.KnowledgeIndex>().EnsureReadyAsync(CancellationToken.None);
    }

    public string Token() => Channel.CreateToken(AppId);

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Channel.DisposeAsync();
        await Authority.DisposeAsync();
    }
}
