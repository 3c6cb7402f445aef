namespace OracleBot.Hosting;

internal static class DefaultUrl
{
    /// <summary>
    /// The Bot Framework convention is port 3978. Applied only when nothing else (ASPNETCORE_URLS,
    /// --urls, Kestrel configuration) chose the address, so deployments keep full control.
    /// </summary>
    public static IWebHostBuilder UseDefaultBotUrl(this IWebHostBuilder webHost)
    {
        var configured = webHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        return string.IsNullOrEmpty(configured) ? webHost.UseUrls("http://localhost:3978") : webHost;
    }
}
