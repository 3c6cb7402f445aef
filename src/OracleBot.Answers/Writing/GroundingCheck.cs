using OracleBot.Answers.Composition;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Writing;

/// <summary>
/// Turns a model's answer into a grounded one: a statement keeps only the passage ids that were offered
/// (others are invented) and whose passage supports it (<see cref="LexicalSupport"/>); a statement left
/// with none is dropped. Survivors are regrouped by the kind of document they cite (so "From the
/// Guidelines" never holds a study) and citations renumbered 1..n in order of first use. Null when nothing
/// survives — the caller then falls back to the extractive answer.
/// </summary>
internal sealed class GroundingCheck(LexicalSupport support, int maxStatements)
{
    public sealed record Outcome(Answer? Answer, int Kept, int Dropped);

    public Outcome Apply(ModelAnswer model, IReadOnlyList<(string Id, Passage Passage)> offered, Answer extractive, IReadOnlyList<DocumentKind> sectionOrder, Func<string, bool> answerable)
    {
        var byId = offered.ToDictionary(p => p.Id, p => p.Passage, StringComparer.OrdinalIgnoreCase);
        var statements = new List<(string Text, List<Passage> Passages)>();
        var dropped = 0;
        foreach (var statement in Enumerate(model))
        {
            var text = statement.Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var passages = (statement.PassageIds ?? [])
                .Select(id => byId.GetValueOrDefault(id.Trim().Trim('[', ']')))
                .OfType<Passage>()
                .Distinct()
                .Where(p => support.Supports(text, p.Text))
                .ToList();
            if (passages.Count == 0 || statements.Count >= maxStatements || statements.Exists(s => string.Equals(s.Text, text, StringComparison.OrdinalIgnoreCase)))
            {
                dropped++;
                continue;
            }

            statements.Add((text, passages));
        }

        if (statements.Count == 0)
        {
            return new Outcome(null, 0, dropped);
        }

        var numbering = new CitationNumbering();
        var bottom = statements[0];
        var bottomLine = new Statement(bottom.Text, [.. bottom.Passages.Select(numbering.NumberFor)]);
        var sections = new List<AnswerSection>();
        foreach (var kind in sectionOrder)
        {
            var ofKind = statements.Skip(1).Where(s => s.Passages[0].Document.Kind == kind)
                .Select(s => new Statement(s.Text, [.. s.Passages.Select(numbering.NumberFor)]))
                .ToList();
            if (ofKind.Count > 0)
            {
                sections.Add(new AnswerSection(kind, ofKind));
            }
        }

        var followUps = (model.FollowUps ?? []).Select(f => f.Trim()).Where(f => f.Length is > 3 and <= 200 && answerable(f)).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        var answer = extractive with
        {
            BottomLine = bottomLine,
            Sections = sections,
            Citations = numbering.Citations,
            FollowUps = followUps.Count > 0 ? followUps : extractive.FollowUps,

            // An extractive answer that found nothing says "not covered"; the model's grounded answer does not.
            Notices = extractive.BottomLine is null ? [] : extractive.Notices,
        };
        return new Outcome(answer, statements.Count, dropped);
    }

    // The bottom line first, then the sections' statements in the model's order.
    private static IEnumerable<ModelStatement> Enumerate(ModelAnswer model)
    {
        if (model.BottomLine is { } bottom)
        {
            yield return bottom;
        }

        foreach (var statement in (model.Sections ?? []).SelectMany(s => s.Statements ?? []))
        {
            yield return statement;
        }
    }
}
