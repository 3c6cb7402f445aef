using Microsoft.Extensions.Options;
using OracleBot.Protocol.Authentication;

namespace OracleBot.Protocol.Connector;

/// <summary>Checks the credential settings only when there is an app id to use them with.</summary>
internal sealed class BotCredentialValidation(IOptions<BotAuthenticationOptions> authentication) : IValidateOptions<BotCredentialOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialOptions options)
    {
        if (authentication.Value.IsAnonymous)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
