namespace OracleBot.Answers.PubMed;

/// <summary>
/// Live PubMed search through NCBI's E-utilities (configuration section <c>Answers:PubMed</c>). Off by default:
/// turning it on sends topic terms of each question to NCBI (see the README, "What leaves the network").
/// </summary>
public sealed class PubMedOptions
{
    public const string SectionName = "Answers:PubMed";

    /// <summary>The public E-utilities address; a loopback stand-in in tests.</summary>
    public static readonly Uri NcbiBaseAddress = new("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/");

    /// <summary>Search PubMed as well as the local library.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where <c>esearch.fcgi</c> and <c>efetch.fcgi</c> live.</summary>
    public Uri BaseAddress { get; set; } = NcbiBaseAddress;

    /// <summary>The <c>tool</c> parameter NCBI asks every client to send: the software's name.</summary>
    public string Tool { get; set; } = "oraclebot";

    /// <summary>The <c>email</c> parameter NCBI asks for: whom NCBI contacts before blocking a misbehaving client.</summary>
    public string? Email { get; set; }

    /// <summary>NCBI API key (keep it in Key Vault); raises the allowed rate from 3 to 10 requests a second.</summary>
    public string? ApiKey { get; set; }

    /// <summary>PubMed's results count only when the whole search (all requests) finishes within this time.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Records asked for by each of the four searches (guidelines, reviews, trials, best match).</summary>
    public int RecordsPerSearch { get; set; } = 3;

    /// <summary>Most records fetched and ranked for one question.</summary>
    public int MaxRecords { get; set; } = 8;

    /// <summary>Guideline, review and trial searches ask for publications of the last this many years.</summary>
    public int RecentYears { get; set; } = 10;

    /// <summary>Requests a second to NCBI, at most; 0 = NCBI's limit (3 without a key, 10 with one).</summary>
    public double RequestsPerSecond { get; set; }

    /// <summary>Failed searches in a row that open the circuit: PubMed is then skipped for <see cref="BreakDuration"/>.</summary>
    public int BreakerFailures { get; set; } = 3;

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a search's list of PMIDs is reused.</summary>
    public TimeSpan SearchCacheDuration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a fetched record is reused.</summary>
    public TimeSpan RecordCacheDuration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Most cached searches and records together; the oldest go first.</summary>
    public int CacheEntries { get; set; } = 20_000;

    /// <summary>The rate actually applied.</summary>
    public double EffectiveRequestsPerSecond =>
        RequestsPerSecond > 0 ? RequestsPerSecond : string.IsNullOrWhiteSpace(ApiKey) ? 3 : 10;

    /// <summary>The first problem with these settings, or null.</summary>
    public string? Problem()
    {
        if (!Enabled)
        {
            return null;
        }

        return this switch
        {
            { BaseAddress: not { IsAbsoluteUri: true } } or { BaseAddress.Scheme: not ("https" or "http") } => "Answers:PubMed:BaseAddress must be an absolute http(s) URL.",
            { BaseAddress.Scheme: "http" } when !BaseAddress.IsLoopback => "Answers:PubMed:BaseAddress must use https unless it is a loopback address.",
            _ when string.IsNullOrWhiteSpace(Tool) || Tool.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')) => "Answers:PubMed:Tool must be a name of letters, digits, '-', '_' or '.'.",
            _ when Email is not null && (Email.Length > 200 || !Email.Contains('@', StringComparison.Ordinal)) => "Answers:PubMed:Email must be an email address.",
            { Budget: var b } when b < TimeSpan.FromMilliseconds(100) || b > TimeSpan.FromSeconds(30) => "Answers:PubMed:Budget must be between 00:00:00.1 and 00:00:30.",
            { RecordsPerSearch: < 1 or > 20 } => "Answers:PubMed:RecordsPerSearch must be between 1 and 20.",
            { MaxRecords: < 1 or > 40 } => "Answers:PubMed:MaxRecords must be between 1 and 40.",
            { RecentYears: < 1 or > 100 } => "Answers:PubMed:RecentYears must be between 1 and 100.",
            { RequestsPerSecond: < 0 or > 10 } => "Answers:PubMed:RequestsPerSecond must be between 0 (NCBI's limit) and 10.",
            { BreakerFailures: < 1 or > 1000 } => "Answers:PubMed:BreakerFailures must be between 1 and 1000.",
            { BreakDuration: var d } when d < TimeSpan.FromSeconds(0.5) || d > TimeSpan.FromDays(1) => "Answers:PubMed:BreakDuration must be between 00:00:00.5 and 1.00:00:00.",
            { SearchCacheDuration: var s } when s < TimeSpan.Zero || s > TimeSpan.FromDays(30) => "Answers:PubMed:SearchCacheDuration must be between 0 and 30 days.",
            { RecordCacheDuration: var r } when r < TimeSpan.Zero || r > TimeSpan.FromDays(90) => "Answers:PubMed:RecordCacheDuration must be between 0 and 90 days.",
            { CacheEntries: < 0 or > 10_000_000 } => "Answers:PubMed:CacheEntries must be between 0 and 10000000.",
            _ => null,
        };
    }
}
