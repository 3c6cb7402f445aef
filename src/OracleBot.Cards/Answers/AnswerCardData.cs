using System.Text.Json.Nodes;
using OracleBot.Answers.Contract;
using OracleBot.Cards.Text;

namespace OracleBot.Cards.Answers;

/// <summary>
/// Builds the data object bound into <c>cards/answer.json</c>. Every piece of text that came from a
/// user or a source is escaped here (<see cref="CardText"/>), so the template stays plain; every
/// URL is checked (<see cref="SafeUrl"/>). Field names are those of <c>cards/answer.data.json</c>.
/// </summary>
internal static class AnswerCardData
{
    public const int MaxQuestion = 500;
    public const int MaxStatement = 1_200;
    public const int MaxBottomLine = 1_200;
    public const int MaxShortBottomLine = 300;
    public const int MaxNotice = 400;
    public const int MaxFollowUps = 3;
    public const int MaxSpeech = 600;

    public static JsonObject Build(AnswerCardContent content)
    {
        var answer = content.Answer;
        var bottomLine = answer.BottomLine;
        var sections = new JsonArray();
        foreach (var (kind, statements) in content.Sections)
        {
            var items = new JsonArray();
            foreach (var statement in statements)
            {
                items.Add(new JsonObject { ["text"] = WithMarkers(statement, MaxStatement) });
            }

            sections.Add(new JsonObject { ["heading"] = Heading(kind), ["statements"] = items });
        }

        var notices = new JsonArray();
        foreach (var notice in answer.Notices)
        {
            if (!string.IsNullOrWhiteSpace(notice))
            {
                notices.Add(new JsonObject { ["text"] = CardText.Markdown(notice, MaxNotice) });
            }
        }

        if (content.DroppedStatements + content.DroppedReferences > 0)
        {
            notices.Add(new JsonObject { ["text"] = LeftOut(content.DroppedStatements, content.DroppedReferences) });
        }

        var references = new JsonArray();
        foreach (var citation in content.References)
        {
            references.Add(Reference(citation));
        }

        var followUps = new JsonArray();
        foreach (var question in answer.FollowUps.Where(q => !string.IsNullOrWhiteSpace(q)).Take(MaxFollowUps))
        {
            followUps.Add(new JsonObject
            {
                ["title"] = CardText.Markdown(question, MaxQuestion),
                ["question"] = CardText.Plain(question, MaxQuestion),
            });
        }

        return new JsonObject
        {
            ["answerId"] = answer.AnswerId,
            ["question"] = CardText.Markdown(answer.Question, MaxQuestion),
            ["audience"] = CardText.Markdown(content.Audience, 40),
            ["speak"] = Speech(answer),
            ["hasBottomLine"] = bottomLine is not null,
            ["bottomLine"] = bottomLine is null
                ? string.Empty
                : WithMarkers(bottomLine, content.ShortBottomLine ? MaxShortBottomLine : MaxBottomLine),
            ["sections"] = sections,
            ["hasNotices"] = notices.Count > 0,
            ["notices"] = notices,
            ["hasReferences"] = references.Count > 0,
            ["references"] = references,
            ["hasFollowUps"] = followUps.Count > 0,
            ["followUps"] = followUps,
        };
    }

    public static string Heading(DocumentKind kind) => kind switch
    {
        DocumentKind.Guideline => "From the Guidelines",
        DocumentKind.Summary => "From Evidence Summaries",
        DocumentKind.Reference => "From Reference Sources",
        _ => "From the Research",
    };

    public static string KindLabel(DocumentKind kind) => CitationCardData.KindLabel(kind);

    private static JsonObject Reference(Citation citation) => CitationCardData.Build(citation);

    /// <summary>Says what a trimmed card does not show, and how to see it.</summary>
    private static string LeftOut(int statements, int references) =>
        $"{statements} statement(s) and {references} reference(s) were left out to fit a Teams message. "
        + "Ask a narrower question, or ask about one part of this answer, to see them.";

    /// <summary>Escaped statement text followed by its citation markers, e.g. <c>… [1][3]</c>.</summary>
    private static string WithMarkers(Statement statement, int maxLength)
    {
        var text = CardText.Markdown(statement.Text, maxLength);
        if (statement.CitationNumbers.Count == 0)
        {
            return text;
        }

        return text + " " + string.Concat(statement.CitationNumbers.Distinct().Select(n => $"[{n}]"));
    }

    private static string Speech(Answer answer)
    {
        var question = CardText.Speech(answer.Question, MaxSpeech / 3);
        return answer.BottomLine is { } bottomLine
            ? question + " " + CardText.Speech(bottomLine.Text, MaxSpeech)
            : question + " No answer was found in the knowledge base.";
    }
}
