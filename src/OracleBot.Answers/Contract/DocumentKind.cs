namespace OracleBot.Answers.Contract;

/// <summary>What kind of evidence a document is; decides the answer section it lands in.</summary>
public enum DocumentKind
{
    Guideline,
    Reference,
    Research,
}
