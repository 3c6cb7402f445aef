using Microsoft.Extensions.Configuration.Memory;

namespace OracleBot.Hosting;

internal static class DefaultUrl
{
    /// <summary>
    /// The Bot Framework convention is port 3978. Added as the lowest-priority configuration source, so
    /// ASPNETCORE_URLS, --urls, appsettings and test hosts all override it.
    /// </summary>
    public static IConfigurationBuilder AddDefaultBotUrl(this IConfigurationBuilder configuration)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new(WebHostDefaults.ServerUrlsKey, "http://localhost:3978")],
        });
        return configuration;
    }
}
