namespace OracleBot.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Tenant allow-list, service URL policy, inbound rate limits and patient-identifier handling.</summary>
    public static IServiceCollection AddBotSecurity(this IServiceCollection services)
    {
        services.AddOptions<InboundSecurityOptions>().BindConfiguration(InboundSecurityOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<TenantGate>();
        services.AddSingleton<InboundRateLimiter>();
        services.AddSingleton<NoticeSender>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeSender>());
        services.AddSingleton<InboundGuard>();
        services.AddSingleton<PatientDataGuard>();
        return services;
    }
}
