using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using OracleBot.Protocol;
using OracleBot.Protocol.Authentication;
using OracleBot.Protocol.Connector;

namespace OracleBot.Tests.Protocol;

public sealed class ProtocolOptionsTests
{
    [Fact]
    public void App_id_without_secret_or_certificate_fails_validation()
    {
        using var services = Build(new() { ["Bot:AppId"] = "app" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotCredentialOptions>>().Value);

        Assert.Contains("Bot:ClientSecret or Bot:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_tenant_requires_a_tenant()
    {
        using var services = Build(new() { ["Bot:AppId"] = "app", ["Bot:ClientSecret"] = "s", ["Bot:AppType"] = "SingleTenant" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotCredentialOptions>>().Value);
    }

    [Fact]
    public void Defaults_follow_the_public_cloud()
    {
        using var services = Build(new() { ["Bot:AppId"] = "app", ["Bot:ClientSecret"] = "s" });

        var authentication = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        var credentials = services.GetRequiredService<IOptions<BotCredentialOptions>>().Value;
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", authentication.OpenIdMetadataUrl);
        Assert.Equal(["https://api.botframework.com"], authentication.EffectiveIssuers);
        Assert.True(authentication.RequireHttpsMetadata);
        Assert.Equal(TimeSpan.FromMinutes(5), authentication.ClockSkew);
        Assert.Equal("https://api.botframework.com/.default", credentials.OAuthScope);
        Assert.Equal("botframework.com", credentials.Tenant);
    }

    [Fact]
    public void Configured_issuers_replace_the_default()
    {
        using var services = Build(new() { ["Bot:ValidIssuers:0"] = "https://api.botframework.us", ["Bot:AllowUnauthenticated"] = "true" });

        Assert.Equal(["https://api.botframework.us"], services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.EffectiveIssuers);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("2.00:00:00")]
    public void Delivery_window_outside_zero_to_a_day_fails_validation(string window)
    {
        using var services = Build(new() { ["Bot:Connector:DeliveryWindow"] = window });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains("DeliveryWindow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivery_window_defaults_to_two_minutes()
    {
        using var services = Build([]);

        Assert.Equal(TimeSpan.FromMinutes(2), services.GetRequiredService<IOptions<ConnectorOptions>>().Value.DeliveryWindow);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void No_app_id_outside_development_refuses_to_start_and_says_what_to_set(string environment)
    {
        using var services = Build([], environment);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);

        Assert.Contains("Bot:AppId is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowUnauthenticated=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_app_id_without_a_host_environment_refuses_to_start()
    {
        using var services = Build([], environment: null);

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Production", "true")]
    public async Task No_app_id_is_accepted_in_development_or_when_explicitly_allowed(string environment, string? allow)
    {
        using var services = Build(new() { ["Bot:AllowUnauthenticated"] = allow }, environment);

        var options = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;

        Assert.True(options.IsAnonymous);
        Assert.Null(await services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public void An_app_id_is_never_anonymous_and_needs_its_credential_in_any_environment()
    {
        using var services = Build(new() { ["Bot:AppId"] = "app", ["Bot:AllowUnauthenticated"] = "true" }, "Development");

        Assert.False(services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsAnonymous);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotCredentialOptions>>().Value);
    }

    [Fact]
    public void A_misspelt_connector_setting_is_refused_by_name()
    {
        using var services = Build(new() { ["Bot:Connector:DeliveryWindw"] = "00:01:00" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains("'DeliveryWindw'", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, string? environment = "Production")
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (environment is not null)
        {
            services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        }

        return services.AddBotProtocol().BuildServiceProvider();
    }
}
