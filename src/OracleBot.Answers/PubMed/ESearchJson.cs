using System.Text.Json;

namespace OracleBot.Answers.PubMed;

/// <summary>
/// Reads <c>esearch</c>'s JSON (<c>retmode=json</c>): the PMIDs of <c>esearchresult.idlist</c>, best first.
/// An error NCBI reports inside a 200 (<c>esearchresult.ERROR</c>, or a top-level <c>error</c>) is a failure,
/// not an empty result.
/// </summary>
public static class ESearchJson
{
    /// <exception cref="FormatException">The body is not an esearch result.</exception>
    public static IReadOnlyList<string> Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("esearch returned JSON that is not an object.");
            }

            if (root.TryGetProperty("error", out _))
            {
                throw new FormatException("esearch reported an error.");
            }

            if (!root.TryGetProperty("esearchresult", out var result) || result.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("esearch returned JSON without an esearchresult.");
            }

            if (result.TryGetProperty("ERROR", out _))
            {
                throw new FormatException("esearch reported an error in its result.");
            }

            if (!result.TryGetProperty("idlist", out var ids) || ids.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("esearch returned a result without an idlist.");
            }

            var pmids = new List<string>(ids.GetArrayLength());
            foreach (var id in ids.EnumerateArray())
            {
                if (id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 12 } pmid && pmid.All(char.IsAsciiDigit))
                {
                    pmids.Add(pmid);
                }
            }

            return pmids;
        }
        catch (JsonException ex)
        {
            throw new FormatException("esearch returned malformed JSON.", ex);
        }
    }
}
