using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards.Answers;
using OracleBot.Cards.Text;

namespace OracleBot.Cards;

/// <summary>
/// The schema.org Message entity Teams reads for the "AI generated" label and the citation pills
/// behind the <c>[n]</c> markers of the message text. Teams rejects the whole message (400) when the
/// limits below are broken, so they are enforced here.
/// </summary>
public static class TeamsAiEntity
{
    public const int MaxCitations = 20;
    public const int MaxNameLength = 80;
    public const int MaxAbstractLength = 160;
    public const int MaxKeywords = 3;
    public const int MaxKeywordLength = 28;

    /// <summary>
    /// Largest serialized entity. With the answer card's own budget (<see cref="CardsOptions.MaxCardBytes"/>)
    /// and the envelope this keeps the whole activity under Teams' recommended 80 KB.
    /// </summary>
    public const int MaxBytes = 16_000;

    /// <summary>The entity for <paramref name="answer"/> as a tree: what <see cref="Utf8"/> writes, parsed.</summary>
    public static JsonObject ForAnswer(Answer answer) => JsonNode.Parse(Utf8(answer))!.AsObject();

    /// <summary>
    /// The entity for <paramref name="answer"/> as the UTF-8 JSON that goes on the wire: AI label plus at most 20
    /// citations, position = citation number. Written straight from the citations, as every answer needs it:
    /// no tree is built and nothing is serialised twice.
    /// </summary>
    public static byte[] Utf8(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var pills = answer.Citations.Where(c => c.Number > 0).DistinctBy(c => c.Number).OrderBy(c => c.Number).Take(MaxCitations)
            .Select(CitationPill.From)
            .ToArray();
        var buffer = new ArrayBufferWriter<byte>(1024 + pills.Length * 512);
        Write(buffer, pills);
        if (buffer.WrittenCount > MaxBytes)
        {
            FitBudget(buffer, pills);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Optional fields are dropped in this order, from the last citation backwards, until the entity fits MaxBytes.
    private static void FitBudget(ArrayBufferWriter<byte> buffer, CitationPill[] pills)
    {
        foreach (var field in (PillField[])[PillField.Abstract, PillField.Keywords, PillField.Url])
        {
            for (var i = pills.Length - 1; i >= 0; i--)
            {
                if (pills[i].Drop(field))
                {
                    buffer.ResetWrittenCount();
                    Write(buffer, pills);
                    if (buffer.WrittenCount <= MaxBytes)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static void Write(ArrayBufferWriter<byte> buffer, CitationPill[] pills)
    {
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteString("type", "https://schema.org/Message");
        writer.WriteString("@type", "Message");
        writer.WriteString("@context", "https://schema.org");
        writer.WriteString("@id", string.Empty);
        writer.WriteStartArray("additionalType");
        writer.WriteStringValue("AIGeneratedContent");
        writer.WriteEndArray();
        writer.WriteStartArray("citation");
        foreach (var pill in pills)
        {
            pill.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private enum PillField
    {
        Abstract,
        Keywords,
        Url,
    }

    /// <summary>One citation as Teams shows it, with the fields the size budget may still drop.</summary>
    private sealed class CitationPill
    {
        private readonly int _position;
        private readonly string _name;
        private string? _abstract;
        private string? _url;
        private string[]? _keywords;

        private CitationPill(int position, string name, string? summary, string? url, string[] keywords)
        {
            _position = position;
            _name = name;
            _abstract = summary;
            _url = url;
            _keywords = keywords;
        }

        public static CitationPill From(Citation citation)
        {
            var name = CardText.Plain(citation.Title, MaxNameLength);
            if (name.Length == 0)
            {
                name = CardText.Plain(citation.DocumentId, MaxNameLength);
            }

            // The pill's preview leads with what a clinician weighs first: the strength of evidence and the
            // section the passage comes from, then as much of the passage as fits.
            var lead = string.Join(" · ", new[] { citation.Evidence, citation.Section }.Where(t => !string.IsNullOrWhiteSpace(t)));
            var summary = CardText.Plain(lead.Length > 0 ? lead + ": " + citation.Excerpt : citation.Excerpt, MaxAbstractLength);
            return new CitationPill(
                citation.Number,
                name.Length > 0 ? name : $"Source {citation.Number}",
                summary.Length > 0 ? summary : null,
                SafeUrl.HttpOrNull(citation.Url),
                [.. Keywords(citation).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxKeywords)]);
        }

        /// <summary>Drops <paramref name="field"/>; false if the pill had none.</summary>
        public bool Drop(PillField field)
        {
            switch (field)
            {
                case PillField.Abstract when _abstract is not null:
                    _abstract = null;
                    return true;
                case PillField.Keywords when _keywords is not null:
                    _keywords = null;
                    return true;
                case PillField.Url when _url is not null:
                    _url = null;
                    return true;
                default:
                    return false;
            }
        }

        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("@type", "Claim");
            writer.WriteNumber("position", _position);
            writer.WriteStartObject("appearance");
            writer.WriteString("@type", "DigitalDocument");
            writer.WriteString("name", _name);
            if (_abstract is not null)
            {
                writer.WriteString("abstract", _abstract);
            }

            if (_url is not null)
            {
                writer.WriteString("url", _url);
            }

            if (_keywords is not null)
            {
                writer.WriteStartArray("keywords");
                foreach (var keyword in _keywords)
                {
                    writer.WriteStringValue(keyword);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private static IEnumerable<string> Keywords(Citation citation)
        {
            yield return AnswerCardData.KindLabel(citation.Kind);
            if (citation.Updated is { } updated)
            {
                yield return "Updated " + updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (citation.Year is { } year)
            {
                yield return year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return CardText.Plain(citation.Source, MaxKeywordLength);
        }
    }
}
