using System.Text.RegularExpressions;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Sentences that announce what a section is about instead of saying it ("Certain factors affect prognosis
/// (chance of recovery) and treatment options.", "There are different types of treatment for patients with
/// …", "… depend on the following:"). They name the question's words and so score well, but a clinician
/// learns nothing from them as an answer.
/// </summary>
internal static partial class Signposts
{
    public static bool IsSignpost(string sentence) => Pattern().IsMatch(sentence);

    /// <summary>Sentences that open by pointing back at the one before ("This strategy…", "However, …").</summary>
    public static bool LeansOnPrevious(string sentence) => Anaphora().IsMatch(sentence);

    /// <summary>
    /// Sentences that say how a study was done rather than what it found ("We conducted a prospective,
    /// randomized study comparing …", "The authors reviewed hospital records of 13 patients …"): evidence of
    /// what was studied, not an answer.
    /// </summary>
    public static bool DescribesMethods(string sentence) => Methods().IsMatch(sentence);

    [GeneratedRegex(
        @"^(we|the authors|the investigators|the researchers) (conducted|performed|undertook|carried out|designed|reviewed|retrospectively|prospectively|enrolled|recruited|included|randomi[sz]ed|searched|identified|collected|used|studied|aimed|sought|hypothesi[sz]ed)\b|^(this|the present|the current|our|a) (study|trial|review|analysis|survey) (was|is|aimed|aims|sought|seeks|examined|examines|investigated|investigates|evaluated|evaluates|assessed|assesses|compared|compares|was designed)\b|^(patients|participants|subjects|women|men|children|adults) (were|was) (randomi[sz]ed|randomly|enrolled|recruited|included|selected|assigned|divided|allocated)\b|^to (determine|assess|evaluate|investigate|examine|compare|identify|explore|describe|test)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Methods();

    [GeneratedRegex(@"^(this|these|that|those|such|it|they|however|therefore|thus|in addition|additionally|also|moreover|furthermore)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Anaphora();

    [GeneratedRegex(
        @"\bthe following\b|:\s*$|^(certain|some|several|many|other) (factors|things|conditions)\b.{0,40}\b(affect|increase|raise|lower|change)|^there are (different|several|many|a few|\w+) (types|kinds|ways|options|treatments)\b|^different types of treatment|^(these|this) (section|summary|page)\b|^(treatment|tests?|procedures?) (for|of) .{0,60} (may|can) (include|be used)|^(\w+ ){0,6}(is|are) (discussed|described|reviewed) (below|in)|\b(is|are) not (discussed|covered|reviewed) (separately |further )?(here|in this)|^(\w+ )?(studies|trials|reports) (of|on) .{0,80} (have|has) been (reported|conducted|published|done)\.?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
