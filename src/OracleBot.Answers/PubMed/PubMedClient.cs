using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// NCBI E-utilities on <c>db=pubmed</c>: <c>esearch.fcgi</c> (PMIDs for a term, JSON) and <c>efetch.fcgi</c>
/// (records, PubMed XML), with the <c>tool</c>, <c>email</c> and optional <c>api_key</c> parameters NCBI asks
/// for. Every request waits for its turn at the shared rate gate. A 429 pauses the gate for everyone for the
/// time NCBI's Retry-After asks (a second when it says nothing) and is retried once, through the gate, only if
/// that fits the deadline; nothing else is retried, so a struggling NCBI never sees a storm. Logs carry status
/// codes and counts, never a URL or a term.
/// </summary>
public sealed partial class PubMedClient(HttpClient http, PubMedOptions options, IPubMedRateGate gate, TimeProvider time, ILogger<PubMedClient> logger)
{
    /// <summary>The named HTTP client.</summary>
    public const string HttpClientName = "pubmed";

    private const int MaxResponseBytes = 8 << 20;
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(5);

    /// <summary>PMIDs for <paramref name="term"/>, best match first.</summary>
    public async Task<IReadOnlyList<string>> SearchAsync(string term, int max, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var url = Url("esearch.fcgi", $"term={Uri.EscapeDataString(term)}&retmax={max.ToString(CultureInfo.InvariantCulture)}&sort=relevance&retmode=json");
        var body = await GetAsync(url, deadline, cancellationToken).ConfigureAwait(false);
        try
        {
            return ESearchJson.Parse(body);
        }
        catch (FormatException ex)
        {
            LogMalformed("esearch");
            throw new PubMedException(PubMedFailure.Malformed, ex.Message, ex);
        }
    }

    /// <summary>The records of <paramref name="pmids"/> that PubMed has, in PubMed's order.</summary>
    public async Task<IReadOnlyList<PubMedRecord>> FetchAsync(IReadOnlyCollection<string> pmids, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (pmids.Count == 0)
        {
            return [];
        }

        var url = Url("efetch.fcgi", $"id={string.Join(',', pmids)}&retmode=xml&rettype=abstract");
        var body = await GetAsync(url, deadline, cancellationToken).ConfigureAwait(false);
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            return PubMedXml.Parse(stream);
        }
        catch (FormatException ex)
        {
            LogMalformed("efetch");
            throw new PubMedException(PubMedFailure.Malformed, ex.Message, ex);
        }
    }

    private Uri Url(string utility, string query)
    {
        var url = new StringBuilder(options.BaseAddress.AbsoluteUri.TrimEnd('/')).Append('/').Append(utility)
            .Append("?db=pubmed&").Append(query).Append("&tool=").Append(Uri.EscapeDataString(options.Tool));
        if (!string.IsNullOrWhiteSpace(options.Email))
        {
            url.Append("&email=").Append(Uri.EscapeDataString(options.Email));
        }

        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            url.Append("&api_key=").Append(Uri.EscapeDataString(options.ApiKey));
        }

        return new Uri(url.ToString());
    }

    private async Task<byte[]> GetAsync(Uri url, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var turn = await gate.WaitTurnAsync(deadline - time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (turn is null)
            {
                LogNoTurn();
                throw new PubMedException(PubMedFailure.NoTurn, "No request turn was free within the time left.");
            }

            TimeSpan? pause;
            try
            {
                using var response = await SendAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        LogStatus((int)response.StatusCode);
                        throw new PubMedException(PubMedFailure.Http, $"PubMed answered {(int)response.StatusCode}.");
                    }

                    return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
                }

                pause = RetryAfter(response) ?? DefaultPause;
                await gate.PauseAsync(pause.Value, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Once the response is in, the request has certainly arrived: its turn can be counted from here.
                await turn.EndAsync().ConfigureAwait(false);
            }

            var retry = attempt == 0 && time.GetUtcNow() + pause.Value < deadline;
            LogRateLimited(pause.Value.TotalMilliseconds, retry);
            if (!retry)
            {
                throw new PubMedException(PubMedFailure.RateLimited, "PubMed asked us to slow down.");
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            LogConnectionFailed(ex.HttpRequestError);
            throw new PubMedException(PubMedFailure.Http, "PubMed could not be reached.", ex);
        }
    }

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new PubMedException(PubMedFailure.Malformed, "PubMed's response is larger than any answer needs.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new PubMedException(PubMedFailure.Malformed, "PubMed's response is larger than any answer needs.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is null ? null : delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxPause ? MaxPause : delay;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "PubMed answered 429; requests pause for {PauseMs} ms (retry within the budget: {Retry})")]
    private partial void LogRateLimited(double pauseMs, bool retry);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "PubMed answered HTTP {Status}")]
    private partial void LogStatus(int status);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "PubMed could not be reached ({Error})")]
    private partial void LogConnectionFailed(HttpRequestError error);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "PubMed's {Utility} response could not be read")]
    private partial void LogMalformed(string utility);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Debug, Message = "No PubMed request turn was free within the time left")]
    private partial void LogNoTurn();
}
