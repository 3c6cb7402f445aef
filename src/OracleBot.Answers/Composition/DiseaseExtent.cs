using System.Text.RegularExpressions;

namespace OracleBot.Answers.Composition;

/// <summary>
/// The stage, phase, extent or risk group a text names ("stage II", "stages I to III", "chronic phase",
/// "extensive-stage", "localized", "high-risk"). Evidence summaries give each its own section, and the one on
/// stage III colon cancer does not answer a question on stage II, though it names every other word of it.
/// </summary>
[Flags]
public enum DiseaseExtent
{
    None = 0,
    Stage0 = 1 << 0,
    StageI = 1 << 1,
    StageII = 1 << 2,
    StageIII = 1 << 3,
    StageIV = 1 << 4,
    ChronicPhase = 1 << 5,
    AcceleratedPhase = 1 << 6,
    BlastPhase = 1 << 7,
    Limited = 1 << 8,
    Extensive = 1 << 9,
    Localized = 1 << 10,
    LocallyAdvanced = 1 << 11,
    Metastatic = 1 << 12,
    Recurrent = 1 << 13,
    LowRisk = 1 << 14,
    IntermediateRisk = 1 << 15,
    HighRisk = 1 << 16,
}

internal static partial class DiseaseExtents
{
    // Each family names alternatives: a section on one member does not answer a question on another.
    private static readonly DiseaseExtent[] Families =
    [
        DiseaseExtent.Stage0 | DiseaseExtent.StageI | DiseaseExtent.StageII | DiseaseExtent.StageIII | DiseaseExtent.StageIV,
        DiseaseExtent.ChronicPhase | DiseaseExtent.AcceleratedPhase | DiseaseExtent.BlastPhase,
        DiseaseExtent.Limited | DiseaseExtent.Extensive,
        DiseaseExtent.Localized | DiseaseExtent.LocallyAdvanced | DiseaseExtent.Metastatic | DiseaseExtent.Recurrent,
        DiseaseExtent.LowRisk | DiseaseExtent.IntermediateRisk | DiseaseExtent.HighRisk,
    ];

    private static readonly (Regex Pattern, DiseaseExtent Extent)[] Words =
    [
        (ChronicPhase(), DiseaseExtent.ChronicPhase), (AcceleratedPhase(), DiseaseExtent.AcceleratedPhase), (BlastPhase(), DiseaseExtent.BlastPhase),
        (Limited(), DiseaseExtent.Limited), (Extensive(), DiseaseExtent.Extensive),
        (Localized(), DiseaseExtent.Localized), (LocallyAdvanced(), DiseaseExtent.LocallyAdvanced),
        (Metastatic(), DiseaseExtent.Metastatic), (Recurrent(), DiseaseExtent.Recurrent),
        (LowRisk(), DiseaseExtent.LowRisk), (IntermediateRisk(), DiseaseExtent.IntermediateRisk), (HighRisk(), DiseaseExtent.HighRisk),
    ];

    public static DiseaseExtent Of(string text)
    {
        var lower = text.ToLowerInvariant();
        var extent = DiseaseExtent.None;
        foreach (Match stages in Stages().Matches(lower))
        {
            extent |= StagesNamed(stages.Value);
        }

        foreach (var (pattern, named) in Words)
        {
            if (pattern.IsMatch(lower))
            {
                extent |= named;
            }
        }

        return extent;
    }

    /// <summary>
    /// +1 when <paramref name="text"/> names an extent the question asks in some family, −1 when it names
    /// only others of a family the question asks, 0 when it names none the question's families hold.
    /// </summary>
    public static int Fit(DiseaseExtent asked, DiseaseExtent text)
    {
        var fit = 0;
        foreach (var family in Families)
        {
            var inQuestion = asked & family;
            var inText = text & family;
            if (inQuestion == DiseaseExtent.None || inText == DiseaseExtent.None)
            {
                continue;
            }

            if ((inQuestion & inText) != 0)
            {
                return 1;
            }

            fit = -1;
        }

        return fit;
    }

    // "stage II", "stages II and III", "stage I to III", "stages I–III", "stage IIIB" (sub-stages count as their stage).
    private static DiseaseExtent StagesNamed(string phrase)
    {
        var numerals = Numeral().Matches(phrase).Select(m => Value(m.Value)).Where(v => v >= 0).ToList();
        if (numerals.Count == 0)
        {
            return DiseaseExtent.None;
        }

        var range = RangeWord().IsMatch(phrase) && numerals.Count == 2;
        var (from, to) = range ? (numerals[0], numerals[1]) : (0, -1);
        var extent = DiseaseExtent.None;
        foreach (var stage in range ? Enumerable.Range(from, Math.Max(0, to - from + 1)) : numerals)
        {
            extent |= (DiseaseExtent)(1 << Math.Clamp(stage, 0, 4));
        }

        return extent;
    }

    private static int Value(string numeral) => numeral.TrimEnd('a', 'b', 'c') switch
    {
        "0" => 0,
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => -1,
    };

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\bstages?\s+(0|i{1,3}|iv|[1-4])[abc]?\b((\s*(,|and|or|to|through|-|–)\s*)+(0|i{1,3}|iv|[1-4])[abc]?\b)*", Options)]
    private static partial Regex Stages();

    [GeneratedRegex(@"\b(0|i{1,3}|iv|[1-4])[abc]?\b", Options)]
    private static partial Regex Numeral();

    [GeneratedRegex(@"\b(to|through)\b|[-–]", Options)]
    private static partial Regex RangeWord();

    [GeneratedRegex(@"\bchronic[- ]phase\b", Options)]
    private static partial Regex ChronicPhase();

    [GeneratedRegex(@"\baccelerated[- ]phase\b", Options)]
    private static partial Regex AcceleratedPhase();

    [GeneratedRegex(@"\bblast(ic)?[- ](phase|crisis)\b", Options)]
    private static partial Regex BlastPhase();

    [GeneratedRegex(@"\blimited[- ]stage\b", Options)]
    private static partial Regex Limited();

    [GeneratedRegex(@"\bextensive[- ]stage\b", Options)]
    private static partial Regex Extensive();

    [GeneratedRegex(@"\b(localized|localised|early[- ]stage|resectable)\b", Options)]
    private static partial Regex Localized();

    [GeneratedRegex(@"\b(locally advanced|unresectable)\b", Options)]
    private static partial Regex LocallyAdvanced();

    [GeneratedRegex(@"\b(metastatic|metastases|metastasis|(?<!locally )advanced|stage iv)\b", Options)]
    private static partial Regex Metastatic();

    [GeneratedRegex(@"\b(recurrent|relapsed|refractory|recurrence)\b", Options)]
    private static partial Regex Recurrent();

    [GeneratedRegex(@"\blow[- ]risk\b", Options)]
    private static partial Regex LowRisk();

    [GeneratedRegex(@"\bintermediate[- ]risk\b", Options)]
    private static partial Regex IntermediateRisk();

    [GeneratedRegex(@"\bhigh[- ]risk\b", Options)]
    private static partial Regex HighRisk();
}
