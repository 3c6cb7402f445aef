using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// Reads <c>efetch</c>'s PubMed XML (a <c>PubmedArticleSet</c> in the PubMed DTD): per article its PMID, title,
/// abstract sections with their labels, journal, publication year, publication types, MeSH descriptors and
/// DOI. The DOCTYPE is ignored and never resolved, so the document cannot make the reader fetch anything.
/// Book records and articles without a PMID are skipped.
/// </summary>
public static partial class PubMedXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = 20_000_000,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The articles in <paramref name="xml"/>.</summary>
    /// <exception cref="FormatException">The text is not a PubmedArticleSet.</exception>
    public static IReadOnlyList<PubMedRecord> Parse(Stream xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"PubMed returned malformed XML (line {ex.LineNumber}).", ex);
        }

        if (document.Root?.Name.LocalName != "PubmedArticleSet")
        {
            throw new FormatException($"PubMed returned <{document.Root?.Name.LocalName}> where a PubmedArticleSet was expected.");
        }

        var records = new List<PubMedRecord>();
        foreach (var article in document.Root.Elements("PubmedArticle"))
        {
            if (Read(article) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    private static PubMedRecord? Read(XElement article)
    {
        var citation = article.Element("MedlineCitation");
        var pmid = Clean(citation?.Element("PMID")?.Value);
        var body = citation?.Element("Article");
        if (pmid is null || !pmid.All(char.IsAsciiDigit) || body is null)
        {
            return null;
        }

        var journal = body.Element("Journal");
        var sections = body.Element("Abstract")?.Elements("AbstractText")
            .Select(t => new AbstractSection(Label(t), Clean(t.Value) ?? string.Empty))
            .Where(s => s.Text.Length > 0)
            .ToList() ?? [];
        var types = body.Element("PublicationTypeList")?.Elements("PublicationType")
            .Select(t => Clean(t.Value)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        var meshes = citation!.Element("MeshHeadingList")?.Elements("MeshHeading")
            .Select(h => Clean(h.Element("DescriptorName")?.Value)).OfType<string>().ToList() ?? [];
        return new PubMedRecord(
            pmid,
            Clean(body.Element("ArticleTitle")?.Value) ?? Clean(body.Element("VernacularTitle")?.Value) ?? string.Empty,
            sections,
            Clean(journal?.Element("Title")?.Value) ?? Clean(journal?.Element("ISOAbbreviation")?.Value),
            Year(journal?.Element("JournalIssue")?.Element("PubDate")) ?? Year(body.Element("ArticleDate")),
            types,
            meshes,
            Doi(article, body));
    }

    // A structured abstract labels each section; PubMed also gives an NLM category when the label is unusual.
    private static string? Label(XElement text) =>
        Clean(text.Attribute("Label")?.Value)
        ?? (Clean(text.Attribute("NlmCategory")?.Value) is { } category && category != "UNASSIGNED" ? category : null);

    private static int? Year(XElement? date)
    {
        if (date is null)
        {
            return null;
        }

        // <Year>2011</Year>, or <MedlineDate>1998 Dec-1999 Jan</MedlineDate> whose first year is the issue's.
        var text = date.Element("Year")?.Value ?? date.Element("MedlineDate")?.Value;
        var match = text is null ? Match.Empty : FourDigitYear().Match(text);
        return match.Success && int.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
    }

    private static string? Doi(XElement article, XElement body)
    {
        var id = article.Element("PubmedData")?.Element("ArticleIdList")?.Elements("ArticleId")
            .FirstOrDefault(e => (string?)e.Attribute("IdType") == "doi")?.Value
            ?? body.Elements("ELocationID").FirstOrDefault(e => (string?)e.Attribute("EIdType") == "doi")?.Value;
        return Clean(id);
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(1[89]\d\d|2\d\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigitYear();
}
