using System.Globalization;
using System.Text.RegularExpressions;
using OracleBot.Answers.Text;

namespace OracleBot.Answers.Knowledge;

/// <summary>
/// Builds titles that are true to the data. PubMedQA records carry a placeholder ("PubMed article PMID n")
/// instead of the article's title, so they are shown as "PMID n (year): first words of the abstract…".
/// </summary>
public static partial class DisplayTitles
{
    private const int LeadWords = 10;

    public static string For(string id, string title, int? year, string body)
    {
        var placeholder = PlaceholderTitle().Match(title);
        if (!placeholder.Success && !string.IsNullOrWhiteSpace(title))
        {
            return title.Trim();
        }

        var pmid = placeholder.Success ? placeholder.Groups[1].Value : PmidId().Match(id) is { Success: true } m ? m.Groups[1].Value : null;
        var label = pmid is null ? id : "PMID " + pmid;
        var when = year is { } y ? string.Create(CultureInfo.InvariantCulture, $" ({y})") : string.Empty;
        return $"{label}{when}: {LeadOf(body)}";
    }

    /// <summary>The first words of a text, without a leading section label, ending in an ellipsis.</summary>
    internal static string LeadOf(string body)
    {
        var text = SectionLabels.StripLeading(body.AsSpan()).ToString();
        var words = text.Split((char[]?)null, LeadWords + 1, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= LeadWords)
        {
            return string.Join(' ', words);
        }

        var lead = string.Join(' ', words, 0, LeadWords).TrimEnd(',', ';', ':', '.', '-', '(');
        return lead + "\u2026";
    }

    [GeneratedRegex(@"^\s*PubMed article PMID (\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderTitle();

    [GeneratedRegex(@"^pmid:(\d+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PmidId();
}
