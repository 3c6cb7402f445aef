namespace OracleBot.Answers.Privacy;

/// <summary>Kinds of patient-identifying detail a question appears to contain.</summary>
[Flags]
public enum PatientIdentifierKinds
{
    None = 0,
    NameWithDate = 1,
    DateOfBirth = 2,
    RecordNumber = 4,
    PhoneNumber = 8,
    Email = 16,
}
