using System.Text;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Writing;

/// <summary>The instructions and the evidence given to the model; the evidence is the retrieved passages only.</summary>
internal static class AnswerPrompt
{
    public static string System(Audience audience) => $"""
        You answer clinicians' questions using ONLY the numbered passages you are given. You have no other knowledge.
        Rules:
        - Every statement must be supported by the passages it cites; cite them by their ids exactly as given (e.g. "P2").
        - Keep the passages' own wording for facts, drug names and numbers; statements are checked against the cited passages.
        - Never cite an id that was not given. Never add facts, numbers, doses or recommendations the passages do not state.
        - If the passages do not answer the question, return an empty bottom line text and no sections.
        - bottomLine: the one statement that answers what was asked (the treatment, the prognosis, the recommendation …) for the question's topic and population, from the most authoritative passage that does (guideline, then summary, then research, then reference). For a yes/no question it is the statement that decides it; if the passages do not settle it, say so in the passages' words.
        - sections: statements grouped by the kind of the cited document (guideline, summary, research, reference; a summary is an evidence summary, never call it a guideline), at most 7 in all.
        - followUps: up to three questions a clinician would ask next about this topic (e.g. its prognosis, side effects of its treatment), which these passages answer and the question did not ask. Plain questions, no lists of terms.
        - Write for {Reader(audience)}.
        Answer in the JSON format required.
        """;

    public static string User(string question, IReadOnlyList<(string Id, Passage Passage)> passages)
    {
        var text = new StringBuilder(4096);
        text.Append("Question: ").AppendLine(question).AppendLine().AppendLine("Passages:");
        foreach (var (id, passage) in passages)
        {
            var document = passage.Document;
            text.Append('[').Append(id).Append("] (").Append(document.Kind.ToString().ToLowerInvariant()).Append("; ")
                .Append(document.DisplayTitle);
            if (passage.HeadingPath.Count > 0)
            {
                text.Append(" \u203A ").AppendJoin(" \u203A ", passage.HeadingPath);
            }

            if (EvidenceLabels.For(document) is { } evidence)
            {
                text.Append("; ").Append(evidence);
            }

            text.Append(") ")
                .AppendLine(passage.Text.ReplaceLineEndings(" "));
        }

        return text.ToString();
    }

    // The wording changes with the reader; the evidence does not.
    private static string Reader(Audience audience) => audience switch
    {
        Audience.Patient => "a patient: plain words, no jargon, short sentences; explain any medical term you must use",
        Audience.Student => "a medical student: explain the reasoning and define key terms",
        Audience.Nurse => "a nurse: practical, focused on care, monitoring and what to watch for",
        Audience.Pharmacist => "a pharmacist: precise about drugs, doses and interactions where the passages give them",
        _ => "a physician: concise, technical, precise",
    };

    public static string RewriteSystem { get; } = """
        Rewrite the user's last question as one standalone question for a medical knowledge base, using the
        earlier questions of the conversation to resolve what the last question refers to. A follow-up changes
        one thing and keeps the rest: "and in children?" keeps the topic and what was asked (treatment,
        prognosis …) and changes the population; "what about side effects?" keeps the topic and population and
        changes what is asked. If the last question starts a new topic, return it unchanged. Return only the
        question text.
        """;

    public static string RewriteUser(AnswerRequest request)
    {
        var text = new StringBuilder();
        foreach (var turn in request.Context.TakeLast(3))
        {
            text.Append("Earlier question: ").AppendLine(turn.Question);
        }

        return text.Append("Last question: ").AppendLine(request.Question).ToString();
    }
}
