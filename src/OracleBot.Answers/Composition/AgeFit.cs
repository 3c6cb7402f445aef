using System.Globalization;
using System.Text.RegularExpressions;

namespace OracleBot.Answers.Composition;

/// <summary>
/// Whether a source's population fits the age a question names: "a 45-year-old", "women over 75", "in
/// their 30s" against "Adults aged 45 to 49 years", "Women 75 years or older", "Women younger than 21
/// years". Guidelines give one recommendation per age band, with the same supporting text in each.
/// </summary>
internal static partial class AgeFit
{
    /// <summary>The age a question asks about, or null when it names none.</summary>
    public static int? AgeOf(string question)
    {
        var lower = question.ToLowerInvariant();
        var match = QuestionAge().Match(lower);
        if (!match.Success)
        {
            // Adolescents and teenagers are an age band of their own in guidelines (12 to 18 years).
            return Adolescents().IsMatch(lower) ? 15 : null;
        }

        var value = match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value;
        var age = int.Parse(value, CultureInfo.InvariantCulture);

        // "over 75" and "older than 65" name the band above; "in their 30s" its middle.
        return lower.Contains("over " + value, StringComparison.Ordinal) || lower.Contains("older than " + value, StringComparison.Ordinal) ? age + 1
            : lower.Contains(value + "s", StringComparison.Ordinal) ? age + 5
            : age;
    }

    /// <summary>+1 when <paramref name="text"/> states an age band containing <paramref name="age"/>, −1 when it states bands that all exclude it, 0 when it states none.</summary>
    public static int Fit(int age, string text)
    {
        var lower = text.ToLowerInvariant();
        var any = false;
        foreach (Match band in Band().Matches(lower))
        {
            any = true;
            var low = band.Groups["from"].Success ? int.Parse(band.Groups["from"].Value, CultureInfo.InvariantCulture) : 0;
            var high = band.Groups["to"].Success ? int.Parse(band.Groups["to"].Value, CultureInfo.InvariantCulture) : int.MaxValue;
            if (band.Groups["older"].Success)
            {
                low = int.Parse(band.Groups["older"].Value, CultureInfo.InvariantCulture) + (band.Value.Contains("older than", StringComparison.Ordinal) ? 1 : 0);
            }
            else if (band.Groups["younger"].Success)
            {
                high = int.Parse(band.Groups["younger"].Value, CultureInfo.InvariantCulture) - 1;
            }

            if (age >= low && age <= high)
            {
                return 1;
            }
        }

        return any ? -1 : 0;
    }

    [GeneratedRegex(@"\b(\d{1,3})[- ]years?[- ]old\b|\b(?:over|older than|aged?|in (?:their|her|his) )\s*(\d{1,3})s?\b|\b(\d{1,3})s? (?:and|or) (?:older|over)\b|\b(\d{1,3})[- ]year\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionAge();

    [GeneratedRegex(@"\b(adolescen\w*|teen(s|agers?)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Adolescents();

    [GeneratedRegex(@"(?:aged?\s+)?(?<from>\d{1,3})\s+(?:to|-|–)\s+(?<to>\d{1,3})\s+years|(?:older than\s+)(?<older>\d{1,3})|(?<older>\d{1,3})\s+years\s+(?:or|and)\s+older|younger than\s+(?<younger>\d{1,3})|(?<younger>\d{1,3})\s+years\s+or\s+younger", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Band();
}
