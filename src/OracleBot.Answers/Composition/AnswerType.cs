using System.Text.RegularExpressions;

namespace OracleBot.Answers.Composition;

/// <summary>
/// The kind of thing a "what …" or "which …" question asks for: the head of its noun phrase ("What is the
/// first-line <i>antibiotic</i> for community-acquired pneumonia?", "Which <i>antihypertensive</i> is
/// preferred in pregnancy?", "What is the Wells <i>score</i> for pulmonary embolism?"). A passage that never
/// names it cannot answer, however much of the rest of the question it names: a page on treating pneumonia
/// that names no antibiotic is about the disease, not about the antibiotic asked for.
/// </summary>
internal static partial class AnswerType
{
    /// <summary>The head word of what is asked for, as written, or null when the question has no such phrase.</summary>
    public static string? HeadOf(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var match = Phrase().Match(question.Trim());
        return match.Success ? match.Groups["head"].Value : null;
    }

    // Only the two shapes whose phrase is certain: "what is the … for/of/in/to …" and "what/which … is/are/
    // does/should … ". Up to three words, so "What interventions prevent falls in …" (no auxiliary) is left
    // alone rather than misread; facet words ("prognosis", "dose", "drugs") never reach the topic it is
    // looked up in.
    [GeneratedRegex(
        @"^(?:what|which)\s+(?:(?:is|are)\s+the\s+(?:[\w'-]+\s+){0,2}(?<head>[\w'-]+)\s+(?:for|of|in|to|after|before|during)\b|(?:[\w'-]+\s+){0,2}(?<head>[\w'-]+)\s+(?:is|are|was|were|does|do|did|should|can|could|would|will|has|have)\b)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Phrase();
}
