using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OracleBot.TestSupport.EUtilities;

/// <summary>
/// NCBI E-utilities on loopback, speaking its wire format over real HTTP: <c>esearch.fcgi</c> (db, term with
/// field tags, retmax, sort=relevance|pub_date, retmode json or xml) and <c>efetch.fcgi</c> (db, id list,
/// retmode=xml: a PubmedArticleSet in the PubMed DTD's shape), over <see cref="TestRecord"/>s. Every request is
/// recorded with its arrival time, so tests can inspect exactly what left the bot and how fast. Faults are set
/// while it runs.
/// </summary>
public sealed class LoopbackEUtilities : IAsyncDisposable
{
    private readonly List<TermQuery.Indexed> _records;
    private readonly Dictionary<string, TestRecord> _byPmid;
    private readonly List<EUtilitiesRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private WebApplication? _app;
    private EUtilitiesFault _fault = EUtilitiesFault.None;
    private int _faultsLeft = -1;

    private LoopbackEUtilities(IReadOnlyList<TestRecord> records, IReadOnlySet<string>? retractedAfterIndexing)
    {
        // PubMed's search index can lag a retraction: such a record is still found by a search that excludes
        // retracted publications, while efetch already types it "Retracted Publication".
        _records = [.. records.Select(r => retractedAfterIndexing?.Contains(r.Pmid) == true
            ? new TermQuery.Indexed(r, [.. r.PublicationTypes.Where(t => t != "Retracted Publication")])
            : new TermQuery.Indexed(r))];
        _byPmid = records.ToDictionary(r => r.Pmid, StringComparer.Ordinal);
    }

    /// <summary>The address to configure as <c>Answers:PubMed:BaseAddress</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="retractedAfterIndexing">PMIDs whose retraction efetch shows but esearch does not yet know.</param>
    public static async Task<LoopbackEUtilities> StartAsync(IReadOnlyList<TestRecord> records, IReadOnlySet<string>? retractedAfterIndexing = null)
    {
        var server = new LoopbackEUtilities(records, retractedAfterIndexing);
        var (app, address) = await LoopbackServer.StartAsync(a =>
        {
            a.MapGet("/entrez/eutils/esearch.fcgi", server.ESearchAsync);
            a.MapGet("/entrez/eutils/efetch.fcgi", server.EFetchAsync);
        });
        server._app = app;
        server.BaseAddress = new Uri(address, "entrez/eutils/");
        return server;
    }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<EUtilitiesRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void SetFault(EUtilitiesFault fault)
    {
        lock (_lock)
        {
            _fault = fault;
            _faultsLeft = fault.Requests ?? -1;
        }
    }

    public void ClearRequests()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    /// <summary>The most requests that arrived within any span of <paramref name="window"/>.</summary>
    public int MaxRequestsWithin(TimeSpan window)
    {
        var times = Requests.Select(r => r.At).ToList();
        var most = 0;
        for (int first = 0, last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= window)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task ESearchAsync(HttpContext context)
    {
        var (answered, fault) = await FaultAsync(context, "esearch");
        if (answered)
        {
            return;
        }

        var query = context.Request.Query;
        if (query["db"] != "pubmed" || string.IsNullOrEmpty(query["term"]))
        {
            await Plain(context, HttpStatusCode.BadRequest, "db=pubmed and a term are required");
            return;
        }

        var term = query["term"].ToString();
        TermQuery parsed;
        try
        {
            parsed = TermQuery.Parse(term);
        }
        catch (FormatException ex)
        {
            await SearchResult(context, [], 0, error: ex.Message);
            return;
        }

        var retmax = int.TryParse(query["retmax"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? Math.Min(r, 10_000) : 20;
        var matching = fault?.Kind == EUtilitiesFaultKind.Empty ? [] : _records.Where(parsed.Matches).ToList();
        var sorted = query["sort"] == "pub_date"
            ? matching.OrderByDescending(m => m.Record.Year ?? 0).ThenByDescending(m => m.Record.Pmid, StringComparer.Ordinal)
            : matching.OrderByDescending(m => TermQuery.Relevance(m, term)).ThenByDescending(m => m.Record.Year ?? 0).ThenBy(m => m.Record.Pmid, StringComparer.Ordinal);
        await SearchResult(context, [.. sorted.Take(retmax).Select(m => m.Record.Pmid)], matching.Count, error: null);
    }

    private async Task SearchResult(HttpContext context, List<string> ids, int count, string? error)
    {
        if (context.Request.Query["retmode"] == "json")
        {
            context.Response.ContentType = "application/json; charset=UTF-8";
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartObject("header");
                json.WriteString("type", "esearch");
                json.WriteString("version", "0.3");
                json.WriteEndObject();
                json.WriteStartObject("esearchresult");
                if (error is not null)
                {
                    json.WriteString("ERROR", error);
                }
                else
                {
                    json.WriteString("count", count.ToString(CultureInfo.InvariantCulture));
                    json.WriteString("retmax", ids.Count.ToString(CultureInfo.InvariantCulture));
                    json.WriteString("retstart", "0");
                    json.WriteStartArray("idlist");
                    ids.ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            await context.Response.Body.WriteAsync(buffer.ToArray());
            return;
        }

        context.Response.ContentType = "text/xml; charset=UTF-8";
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE eSearchResult PUBLIC \"-//NLM//DTD esearch 20060628//EN\" \"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd\">\n<eSearchResult>");
        if (error is not null)
        {
            xml.Append("<ERROR>").Append(Escape(error)).Append("</ERROR>");
        }
        else
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Count>{count}</Count><RetMax>{ids.Count}</RetMax><RetStart>0</RetStart><IdList>");
            ids.ForEach(id => xml.Append("<Id>").Append(id).Append("</Id>"));
            xml.Append("</IdList>");
        }

        await context.Response.WriteAsync(xml.Append("</eSearchResult>\n").ToString());
    }

    private async Task EFetchAsync(HttpContext context)
    {
        var (answered, fault) = await FaultAsync(context, "efetch");
        if (answered)
        {
            return;
        }

        var query = context.Request.Query;
        if (query["db"] != "pubmed" || string.IsNullOrEmpty(query["id"]))
        {
            await Plain(context, HttpStatusCode.BadRequest, "db=pubmed and an id list are required");
            return;
        }

        var records = query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => _byPmid.GetValueOrDefault(id)).OfType<TestRecord>().ToList();
        var xml = ArticleSet(records);
        if (fault?.Kind == EUtilitiesFaultKind.MalformedXml)
        {
            xml = xml[..(xml.Length / 2)];
        }

        context.Response.ContentType = "text/xml; charset=UTF-8";
        await context.Response.WriteAsync(xml);
    }

    /// <summary>The records as efetch writes them (PubMed DTD element names and nesting).</summary>
    public static string ArticleSet(IEnumerable<TestRecord> records)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true };
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("PubmedArticleSet");
            foreach (var record in records)
            {
                xml.WriteStartElement("PubmedArticle");
                xml.WriteStartElement("MedlineCitation");
                xml.WriteAttributeString("Status", "MEDLINE");
                xml.WriteAttributeString("Owner", "NLM");
                xml.WriteStartElement("PMID");
                xml.WriteAttributeString("Version", "1");
                xml.WriteString(record.Pmid);
                xml.WriteEndElement();
                xml.WriteStartElement("Article");
                xml.WriteAttributeString("PubModel", "Print");
                xml.WriteStartElement("Journal");
                xml.WriteStartElement("JournalIssue");
                xml.WriteStartElement("PubDate");
                if (record.Year is { } year)
                {
                    xml.WriteElementString("Year", year.ToString(CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteElementString("ArticleTitle", record.Title);
                xml.WriteStartElement("Abstract");
                foreach (var (label, body) in record.Sections)
                {
                    xml.WriteStartElement("AbstractText");
                    if (label is not null)
                    {
                        xml.WriteAttributeString("Label", label);
                        xml.WriteAttributeString("NlmCategory", label);
                    }

                    xml.WriteString(body);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteStartElement("PublicationTypeList");
                foreach (var type in record.PublicationTypes)
                {
                    xml.WriteElementString("PublicationType", type);
                }

                xml.WriteEndElement();
                xml.WriteEndElement(); // Article
                xml.WriteStartElement("MeshHeadingList");
                foreach (var mesh in record.Meshes)
                {
                    xml.WriteStartElement("MeshHeading");
                    xml.WriteStartElement("DescriptorName");
                    xml.WriteAttributeString("MajorTopicYN", "N");
                    xml.WriteString(mesh);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndElement(); // MedlineCitation
                xml.WriteStartElement("PubmedData");
                xml.WriteStartElement("ArticleIdList");
                xml.WriteStartElement("ArticleId");
                xml.WriteAttributeString("IdType", "pubmed");
                xml.WriteString(record.Pmid);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement(); // PubmedArticle
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n" + text + "\n";
    }

    // Records the request, then applies the current fault. Answered: the fault's response was sent (or the
    // client left); otherwise the caller answers, altered by the fault it gets back (malformed, empty).
    private async Task<(bool Answered, EUtilitiesFault? Fault)> FaultAsync(HttpContext context, string utility)
    {
        var fault = TakeFault();
        var status = fault?.Kind switch
        {
            EUtilitiesFaultKind.TooManyRequests => 429,
            EUtilitiesFaultKind.ServerError => 500,
            _ => 200,
        };
        var parameters = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        lock (_lock)
        {
            _requests.Add(new EUtilitiesRequest(_clock.Elapsed, utility, context.Request.QueryString.Value ?? string.Empty, parameters, status, context.Request.Headers.Cookie.Count > 0));
        }

        // As NCBI does: a session cookie on every response, which a client that keeps cookies sends back.
        context.Response.Headers.SetCookie = $"ncbi_sid={Guid.NewGuid():N}; path=/";

        switch (fault?.Kind)
        {
            case EUtilitiesFaultKind.TooManyRequests:
                if (fault.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.Response.StatusCode = 429;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"error\":\"API rate limit exceeded\",\"count\":\"4\"}");
                return (true, fault);
            case EUtilitiesFaultKind.ServerError:
                await Plain(context, HttpStatusCode.InternalServerError, "Internal Server Error");
                return (true, fault);
            case EUtilitiesFaultKind.Slow:
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return (true, fault); // The client gave up; nothing to send.
                }

                return (false, null);
            default:
                return (false, fault);
        }
    }

    private EUtilitiesFault? TakeFault()
    {
        lock (_lock)
        {
            if (_fault.Kind == EUtilitiesFaultKind.None || _faultsLeft == 0)
            {
                return null;
            }

            if (_faultsLeft > 0)
            {
                _faultsLeft--;
            }

            return _fault;
        }
    }

    private static async Task Plain(HttpContext context, HttpStatusCode status, string message)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(message);
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
