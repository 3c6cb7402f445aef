using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        using var services = Build(new() { ["Bot:ValidIssuers:0"] = "https://api.botframework.us" });

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

    private static ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddBotProtocol()
        .BuildServiceProvider();
}
