using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OracleBot.Protocol.Authentication;

/// <summary>
/// Fails closed: without an app id the bot would accept requests from anyone, so it starts that way only
/// where that was meant (the Development environment, or <c>Bot:AllowUnauthenticated=true</c>). A slip in a
/// deployment's settings then stops the bot with a message instead of opening it.
/// </summary>
internal sealed class AnonymousAccessValidation(IServiceProvider services) : IValidateOptions<BotAuthenticationOptions>
{
    internal const string Refusal =
        "Bot:AppId is not set, so the bot would accept requests from anyone. Set Bot:AppId (with Bot:ClientSecret, " +
        "Bot:CertificatePath or Bot:AppType=UserAssignedMSI), or for local development only run in the Development " +
        "environment (DOTNET_ENVIRONMENT=Development) or set Bot:AllowUnauthenticated=true.";

    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        if (!options.IsAnonymous || options.AllowUnauthenticated)
        {
            return ValidateOptionsResult.Success;
        }

        // Resolved here, not injected: hosts without an environment (plain service collections) count as not Development.
        var development = services.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
        return development ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(Refusal);
    }
}
