namespace OracleBot.Answers.Contract;

/// <summary>A clinician's question with the context of the thread it was asked in.</summary>
/// <param name="Question">The question as the clinician typed it (mention already removed).</param>
/// <param name="Audience">Who reads the answer: physician, nurse, pharmacist, student or patient.</param>
/// <param name="Context">Earlier turns of the same thread, oldest first; empty for a new thread.</param>
public sealed record AnswerRequest(
    string Question,
    string Audience = Audiences.Physician,
    IReadOnlyList<PriorTurn>? Context = null)
{
    public IReadOnlyList<PriorTurn> Context { get; init; } = Context ?? [];
}

/// <summary>One earlier question and answer of the thread.</summary>
public sealed record PriorTurn(string Question, string BottomLine, IReadOnlyList<string> CitedDocumentIds);

/// <summary>Who reads an answer, as a type: the wire carries the lower-case names of <see cref="Audiences"/>.</summary>
public enum Audience
{
    Physician,
    Nurse,
    Pharmacist,
    Student,
    Patient,
}

public static class Audiences
{
    public const string Physician = "physician";
    public const string Nurse = "nurse";
    public const string Pharmacist = "pharmacist";
    public const string Student = "student";
    public const string Patient = "patient";

    public static IReadOnlyList<string> All { get; } = [Physician, Nurse, Pharmacist, Student, Patient];

    /// <summary>The reader an audience name stands for; an unknown or missing name reads as a physician.</summary>
    public static Audience Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "NURSE" => Audience.Nurse,
        "PHARMACIST" => Audience.Pharmacist,
        "STUDENT" => Audience.Student,
        "PATIENT" => Audience.Patient,
        _ => Audience.Physician,
    };
}
