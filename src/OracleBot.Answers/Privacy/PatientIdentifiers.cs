using System.Text.RegularExpressions;

namespace OracleBot.Answers.Privacy;

/// <summary>
/// Spots details in a question that look like they identify a patient — a name next to a date, a date of
/// birth, a record number, a phone number, an email — and removes them from text that is kept. Heuristics,
/// tuned to miss little: a false alarm costs a polite reminder, a miss costs a leak.
/// </summary>
public static partial class PatientIdentifiers
{
    /// <summary>What a removed identifier is replaced with.</summary>
    public const string Removed = "[removed]";
    private const int TimeoutMs = 200;

    public static PatientIdentifierKinds Detect(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return PatientIdentifierKinds.None;
        }

        try
        {
            var kinds = PatientIdentifierKinds.None;
            if (Email().IsMatch(text))
            {
                kinds |= PatientIdentifierKinds.Email;
            }

            if (RecordNumber().IsMatch(text) || LongNumber().IsMatch(text))
            {
                kinds |= PatientIdentifierKinds.RecordNumber;
            }

            if (Phone().IsMatch(text))
            {
                kinds |= PatientIdentifierKinds.PhoneNumber;
            }

            if (BirthDate().IsMatch(text))
            {
                kinds |= PatientIdentifierKinds.DateOfBirth;
            }

            if (FullDate().IsMatch(text) && (TitledName().IsMatch(text) || HasPersonName(text)))
            {
                kinds |= PatientIdentifierKinds.NameWithDate;
            }

            return kinds;
        }
        catch (RegexMatchTimeoutException)
        {
            // Text built to defeat the patterns is itself suspicious: remind rather than guess.
            return PatientIdentifierKinds.RecordNumber;
        }
    }

    /// <summary>The text with every detected identifier (and, next to a date, every name) replaced by "[removed]".</summary>
    public static string Redact(string text) => Redact(text, Detect(text));

    /// <summary>
    /// As <see cref="Redact(string)"/> for a caller that has already run <see cref="Detect"/> on this very text:
    /// the patterns are not run twice.
    /// </summary>
    public static string Redact(string text, PatientIdentifierKinds kinds)
    {
        if (kinds == PatientIdentifierKinds.None)
        {
            return text;
        }

        try
        {
            text = Email().Replace(text, Removed);
            text = RecordNumber().Replace(text, Removed);
            text = Phone().Replace(text, Removed);
            text = FullDate().Replace(text, Removed);
            text = LongNumber().Replace(text, Removed);
            if ((kinds & PatientIdentifierKinds.NameWithDate) != 0)
            {
                text = TitledName().Replace(text, Removed);
                text = PersonName().Replace(text, m => IsSentenceStartOnly(text, m) ? m.Value : Removed);
            }

            return text;
        }
        catch (RegexMatchTimeoutException)
        {
            return Removed;
        }
    }

    // Two or three capitalised words in a row, not merely a sentence's first word followed by a proper noun.
    private static bool HasPersonName(string text)
    {
        foreach (Match match in PersonName().Matches(text))
        {
            if (!IsSentenceStartOnly(text, match))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSentenceStartOnly(string text, Match match)
    {
        var before = text.AsSpan(0, match.Index).TrimEnd();
        var atSentenceStart = before.IsEmpty || before[^1] is '.' or '?' or '!' or ':' or '\n';
        return atSentenceStart && match.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3 && !LooksLikeName(match.Value);
    }

    // A sentence may start with a capitalised question word; a name rarely starts with one.
    private static bool LooksLikeName(string words) =>
        !QuestionWord().IsMatch(words);

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})*\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:MRN|MR#|NHS|URN|CHI|chart|hospital|record|patient|medical\s+record)\s*(?:no\.?|num(?:ber)?|id|#)?\s*[:#]?\s*[A-Z]{0,3}\d{4,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex RecordNumber();

    // Six or more digits standing alone: record, insurance and account numbers; years and doses are shorter.
    [GeneratedRegex(@"(?<![\d.,])\d{6,}(?![\d.,]\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"(?<!\w)(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)[\s.\-]?|\d{2,5}[\s.\-])\d{3,4}[\s.\-]\d{3,4}(?!\w)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\b(?:DOB|D\.O\.B\.?|born(?:\s+on)?|date\s+of\s+birth|birth\s*date)\b\s*[:\-]?\s*(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BirthDate();

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+[A-Z][a-z'\-]+", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex TitledName();

    [GeneratedRegex(@"\b[A-Z][a-z'\-]{1,30}(?:\s+[A-Z][a-z'\-]{1,30}){1,2}\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^(?:What|Which|Who|Whom|How|When|Where|Why|Is|Are|Can|Could|Should|Does|Do|Did|Will|Would|May|Might|In|For|After|Before|During)\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex QuestionWord();
}
