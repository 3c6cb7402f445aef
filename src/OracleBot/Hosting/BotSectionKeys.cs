using System.Collections;
using System.Reflection;
using OracleBot.Endpoints;
using OracleBot.Protocol.Authentication;
using OracleBot.Protocol.Connector;
using OracleBot.Security;

namespace OracleBot.Hosting;

/// <summary>
/// Refuses, at start-up, a key directly under <c>Bot</c> that no setting reads: a misspelt <c>Bot:AllowedTenant</c>
/// would otherwise leave the tenant list empty and let every tenant in. Four options classes share the section
/// (the protocol's and the host's), so the binder's own <c>ErrorOnUnknownConfiguration</c> cannot see it whole;
/// its subsections, each bound by one class, are checked by the binder itself.
/// </summary>
internal sealed class BotSectionKeys(IConfiguration configuration) : IHostedService
{
    private const string Section = "Bot";

    private static readonly Type[] SectionClasses =
        [typeof(BotAuthenticationOptions), typeof(BotCredentialOptions), typeof(InboundSecurityOptions), typeof(MessagesOptions)];

    private static readonly string[] Subsections = ["Connector", "RateLimits"];

    /// <summary>Every key the section may hold, as the binder reads them: settable properties and collections.</summary>
    internal static IReadOnlySet<string> Known { get; } = SectionClasses
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Where(p => p.SetMethod?.IsPublic == true || (p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)))
        .Select(p => p.Name)
        .Concat(Subsections)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var unknown = Unknown(configuration).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Unknown setting{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}: no setting of that name exists " +
                "(see the configuration reference in the README). Correct or remove it.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static IEnumerable<string> Unknown(IConfiguration configuration) =>
        configuration.GetSection(Section).GetChildren()
            .Where(child => !Known.Contains(child.Key))
            .Select(child => $"{Section}:{child.Key}")
            .Order(StringComparer.Ordinal);
}
