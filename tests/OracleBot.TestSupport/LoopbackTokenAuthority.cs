using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OracleBot.TestSupport;

/// <summary>
/// An Entra-like client-credentials token endpoint over HTTPS on 127.0.0.1 (Azure.Identity refuses plain http),
/// with a self-signed certificate made for the test. Point <c>Bot:AuthorityHost</c> at <see cref="AuthorityHost"/>,
/// set <c>Bot:DisableInstanceDiscovery=true</c>, and give the identity HTTP client <see cref="CreateTrustingHandler"/>.
/// </summary>
public sealed class LoopbackTokenAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private int _issued;
    private int _failuresLeft;
    private int _failed;
    private HttpStatusCode _failureStatus = HttpStatusCode.ServiceUnavailable;

    private LoopbackTokenAuthority(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    public Uri AuthorityHost { get; private set; } = null!;

    /// <summary>Every request that reached the authority (token requests and anything else MSAL asked for).</summary>
    public IReadOnlyCollection<TokenRequest> Requests => _requests;

    /// <summary>Tokens handed out so far.</summary>
    public int TokensIssued => Volatile.Read(ref _issued);

    /// <summary>Token requests answered with a scripted failure so far.</summary>
    public int TokensRefused => Volatile.Read(ref _failed);

    /// <summary>Answers the next <paramref name="count"/> token requests with <paramref name="status"/> and Entra's error body, then recovers.</summary>
    public void FailNextTokenRequests(int count, HttpStatusCode status = HttpStatusCode.ServiceUnavailable)
    {
        _failureStatus = status;
        Volatile.Write(ref _failuresLeft, count);
    }

    public static async Task<LoopbackTokenAuthority> StartAsync(CancellationToken ct = default)
    {
        var certificate = CreateCertificate();
        LoopbackTokenAuthority? authority = null;
        var (app, baseAddress) = await LoopbackServer.StartAsync(
            app =>
            {
                authority = new LoopbackTokenAuthority(app, certificate);
                app.MapPost("/{tenant}/oauth2/v2.0/token", authority.IssueTokenAsync);
                app.MapFallback(authority.RecordUnexpected);
            },
            listen: listen => listen.UseHttps(certificate),
            ct: ct);
        authority!.AuthorityHost = baseAddress;
        return authority;
    }

    /// <summary>A handler that trusts exactly this authority's certificate.</summary>
    public HttpMessageHandler CreateTrustingHandler()
    {
        var thumbprint = _certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint,
            },
        };
    }

    /// <summary>
    /// The certificate as PEM, for a child process to trust through OpenSSL's standard <c>SSL_CERT_FILE</c>
    /// variable: the bot then runs unmodified, with no test-only trust setting.
    /// </summary>
    public string ExportCertificatePem() => _certificate.ExportCertificatePem();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private Task RecordUnexpected(HttpContext context)
    {
        _requests.Enqueue(new TokenRequest(context.Request.Path, new Dictionary<string, string>()));
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private async Task IssueTokenAsync(HttpContext context, string tenant)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        _requests.Enqueue(new TokenRequest(context.Request.Path, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failed);
            context.Response.StatusCode = (int)_failureStatus;
            await context.Response.WriteAsJsonAsync(
                new JsonObject
                {
                    ["error"] = "temporarily_unavailable",
                    ["error_description"] = "AADSTS90033: A transient error has occurred. Please try again.",
                    ["error_codes"] = new JsonArray(90033),
                },
                context.RequestAborted);
            return;
        }

        var number = Interlocked.Increment(ref _issued);
        await context.Response.WriteAsJsonAsync(
            new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = $"loopback-bot-token-{tenant}-{number}",
            },
            context.RequestAborted);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Round-trip through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>A request the authority saw: its path and form fields (client_id, scope, grant_type…).</summary>
    public sealed record TokenRequest(string Path, IReadOnlyDictionary<string, string> Form);
}
