using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Protocol.Authentication;
using OracleBot.Protocol.Connector;

namespace OracleBot.Protocol;

/// <summary>Registers the Bot Framework wire protocol: inbound token validation and the connector client.</summary>
public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>Named <see cref="HttpClient"/> that fetches the channel's OpenID metadata and signing keys.</summary>
    public const string MetadataHttpClientName = "OracleBot.Protocol.Metadata";

    /// <summary>Named <see cref="HttpClient"/> that Azure.Identity uses to reach the token authority.</summary>
    public const string IdentityHttpClientName = "OracleBot.Protocol.Identity";

    /// <summary>Named <see cref="HttpClient"/> behind <see cref="IConnectorClient"/>.</summary>
    public const string ConnectorHttpClientName = "OracleBot.Protocol.Connector";

    /// <summary>
    /// Adds <see cref="IChannelTokenValidator"/>, <see cref="IConnectorTokenProvider"/> and <see cref="IConnectorClient"/>,
    /// with options from the <c>Bot</c> and <c>Bot:Connector</c> configuration sections.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<BotAuthenticationOptions>().BindConfiguration(BotAuthenticationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.OpenIdMetadataUrl, UriKind.Absolute, out _), "Bot:OpenIdMetadataUrl must be an absolute URI.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, AnonymousAccessValidation>();
        services.AddOptions<BotCredentialOptions>().BindConfiguration(BotCredentialOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialOptions>, BotCredentialValidation>();
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "Bot:Connector retry delays are inconsistent.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "Bot:Connector:AttemptTimeout must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<AnonymousChannelWarning>();

        services.AddHttpClient(MetadataHttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(sp => new SigningKeyStore(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClientName),
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SigningKeyStore>>()));
        services.TryAddSingleton<IChannelTokenValidator, ChannelTokenValidator>();

        services.AddHttpClient(IdentityHttpClientName);
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotCredentialOptions>>().Value;
            var authentication = sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
            var credential = authentication.IsAnonymous
                ? null
                : BotCredentialFactory.Create(options, authentication.AppId!, sp.GetRequiredService<IHttpClientFactory>().CreateClient(IdentityHttpClientName));
            return new ConnectorTokenProvider(
                credential, options.OAuthScope, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ConnectorTokenProvider>>());
        });

        var connector = services.AddHttpClient<IConnectorClient, ConnectorClient>(ConnectorHttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => CreateConnectorHandler(sp.GetRequiredService<IOptions<ConnectorOptions>>().Value))
            // The handler recycles its own connections (PooledConnectionLifetime), so the factory need not rotate it.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        connector.AddResilienceHandler(ConnectorResilience.PipelineName, ConnectorResilience.Configure);

        // Inside the retries: every attempt gets a (cached) token and its own timeout.
        connector.AddHttpMessageHandler(sp => new ConnectorAttemptHandler(
            sp.GetRequiredService<IConnectorTokenProvider>(), sp.GetRequiredService<IOptions<ConnectorOptions>>()));

        return services;
    }

    private static SocketsHttpHandler CreateConnectorHandler(ConnectorOptions options) => new()
    {
        PooledConnectionLifetime = options.PooledConnectionLifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        UseCookies = false,
    };
}
