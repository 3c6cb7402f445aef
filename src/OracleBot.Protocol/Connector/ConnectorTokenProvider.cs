using Azure.Core;
using Microsoft.Extensions.Logging;

namespace OracleBot.Protocol.Connector;

/// <summary>
/// Caches the bot's connector token in front of the credential: the credential's own cache is correct but
/// costs a lookup and allocations per call, and this runs for every outbound message.
/// Refreshes ahead of expiry under a single-flight lock; while a refresh fails the old token is used until it expires.
/// </summary>
internal sealed partial class ConnectorTokenProvider(
    TokenCredential? credential,
    string scope,
    TimeProvider time,
    ILogger<ConnectorTokenProvider> logger) : IConnectorTokenProvider, IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryFailedRefreshAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly TokenRequestContext _request = new([scope]);
    private volatile CachedToken? _current;

    public ValueTask<string?> GetTokenAsync(CancellationToken ct) =>
        TryGetCurrent(out var token) ? ValueTask.FromResult(token) : RefreshAsync(ct);

    public bool TryGetCurrent(out string? token)
    {
        if (credential is null)
        {
            token = null;
            return true;
        }

        var current = _current;
        token = current?.Token;
        return current is not null && time.GetUtcNow() < current.RefreshAt;
    }

    public void Dispose() => _refreshLock.Dispose();

    private async ValueTask<string?> RefreshAsync(CancellationToken ct)
    {
        await _refreshLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = _current;
            var now = time.GetUtcNow();
            if (current is not null && now < current.RefreshAt)
            {
                return current.Token;
            }

            try
            {
                var token = await credential!.GetTokenAsync(_request, ct).ConfigureAwait(false);
                // Short-lived tokens would otherwise be refetched on every call.
                var margin = TimeSpan.FromTicks(Math.Min(RefreshMargin.Ticks, (token.ExpiresOn - now).Ticks / 2));
                var refreshAt = token.RefreshOn is { } refreshOn && refreshOn < token.ExpiresOn - margin
                    ? refreshOn
                    : token.ExpiresOn - margin;
                _current = new CachedToken(token.Token, refreshAt, token.ExpiresOn);
                return token.Token;
            }
            catch (Exception ex) when (current is not null && now < current.ExpiresOn && ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
                _current = current with { RefreshAt = now + RetryFailedRefreshAfter };
                return current.Token;
            }
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Refreshing the connector token failed; using the current token until it expires")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt, DateTimeOffset ExpiresOn);
}
