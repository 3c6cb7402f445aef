using Microsoft.Extensions.Options;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Privacy;
using OracleBot.Conversations;

namespace OracleBot.Security;

/// <summary>
/// What the turn pipeline does about patient details in a question: a gentle reminder on the answer card,
/// and thread state that keeps the question verbatim only when <c>Privacy:StoreQuestions</c> is on.
/// </summary>
internal sealed partial class PatientDataGuard(IOptions<PrivacyOptions> privacy, ILogger<PatientDataGuard> logger)
{
    public const string Reminder =
        "This question looks like it may contain details that identify a patient (a name with a date, a date of birth, " +
        "a record number, a phone number or an email address). OracleBot does not need them: please ask about the clinical " +
        "point without identifiable details.";

    /// <summary>What in the question looks identifying; run once per turn and handed to the two uses below.</summary>
    public static PatientIdentifierKinds Inspect(string question) => PatientIdentifiers.Detect(question);

    /// <summary>The answer with the reminder as its first notice when the question looked identifying.</summary>
    public Answer WithReminder(PatientIdentifierKinds kinds, Answer answer)
    {
        if (kinds == PatientIdentifierKinds.None)
        {
            return answer;
        }

        // The kinds only, never the matched text.
        LogIdentifiersSeen(kinds);
        return answer with { Notices = [Reminder, .. answer.Notices] };
    }

    /// <summary>The question as the thread may remember it for follow-up context; <paramref name="kinds"/> is its <see cref="Inspect"/>.</summary>
    public string ForThread(string question, PatientIdentifierKinds kinds) =>
        privacy.Value.StoreQuestions ? question : PatientIdentifiers.Redact(question, kinds);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "A question looked like it contained patient identifiers ({Kinds}); the card reminds the user")]
    private partial void LogIdentifiersSeen(PatientIdentifierKinds kinds);
}
