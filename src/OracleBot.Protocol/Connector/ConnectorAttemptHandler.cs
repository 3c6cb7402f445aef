using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace OracleBot.Protocol.Connector;

/// <summary>
/// One connector attempt, inside the retry handler: obtains the bot's token, then sends within
/// <see cref="ConnectorOptions.AttemptTimeout"/>. The two phases fail differently on purpose. A token that
/// cannot be had means nothing was sent, so it surfaces as <see cref="ConnectorTokenException"/> and is retried
/// for the whole delivery window like a refused connection; a send that times out may have been delivered, so it
/// surfaces as <see cref="TimeoutRejectedException"/>, which a POST never retries.
/// </summary>
internal sealed class ConnectorAttemptHandler(IConnectorTokenProvider tokens, IOptions<ConnectorOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeout = options.Value.AttemptTimeout;

        // The token goes only to the serviceUrl the caller passed, which the host took from a validated activity.
        // Nearly always it is cached, and then no time limit (a timer per message) is set up for getting it.
        if (!tokens.TryGetCurrent(out var token))
        {
            token = await GetTokenWithinAsync(timeout, cancellationToken).ConfigureAwait(false);
        }

        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            return await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"The connector did not answer within {timeout}.", timeout, ex);
        }
    }

    private async Task<string?> GetTokenWithinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var tokenLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        tokenLimit.CancelAfter(timeout);
        try
        {
            return await tokens.GetTokenAsync(tokenLimit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorTokenException("The connector token could not be obtained: " + ex.GetType().Name, ex);
        }
    }
}
