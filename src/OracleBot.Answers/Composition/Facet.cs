namespace OracleBot.Answers.Composition;

/// <summary>What a question asks about its topic. A question may ask two ("should I screen…" is a recommendation on screening).</summary>
[Flags]
public enum Facet
{
    None = 0,
    Treatment = 1 << 0,
    Prognosis = 1 << 1,
    Diagnosis = 1 << 2,
    Screening = 1 << 3,
    Prevention = 1 << 4,
    RiskFactors = 1 << 5,
    Causes = 1 << 6,
    Presentation = 1 << 7,
    Dosing = 1 << 8,
    AdverseEffects = 1 << 9,
    Recommendation = 1 << 10,
}

/// <summary>Who a question is about, when it says: a passage on another population answers it less well.</summary>
[Flags]
public enum Population
{
    None = 0,
    Children = 1 << 0,
    Pregnancy = 1 << 1,
    OlderAdults = 1 << 2,
    Men = 1 << 3,
}
