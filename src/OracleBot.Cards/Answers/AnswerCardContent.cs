using OracleBot.Answers.Contract;

namespace OracleBot.Cards.Answers;

/// <summary>
/// The parts of an answer that go on the card, in a form that can be cut down step by step when
/// the card would exceed the size budget.
/// </summary>
internal sealed class AnswerCardContent
{
    private AnswerCardContent(Answer answer, string audience)
    {
        Answer = answer;
        Audience = audience;
        Sections = [.. answer.Sections.Where(s => s.Statements.Count > 0).Select(s => (s.Kind, Statements: s.Statements.ToList()))];
        References = [.. answer.Citations.OrderBy(c => c.Number)];
    }

    public Answer Answer { get; }

    public string Audience { get; }

    public List<(DocumentKind Kind, List<Statement> Statements)> Sections { get; }

    public List<Citation> References { get; }

    /// <summary>Statements removed to fit the size budget.</summary>
    public int DroppedStatements { get; private set; }

    /// <summary>References removed to fit the size budget.</summary>
    public int DroppedReferences { get; private set; }

    /// <summary>Cuts the bottom line shorter than its limit once nothing else is left to drop.</summary>
    public bool ShortBottomLine { get; private set; }

    /// <summary>
    /// A cheap bound on the card's serialized size, so that ordinary answers skip measuring it.
    /// Each source character costs at most 14 bytes once escaped for markdown and JSON (<c>&lt;</c> becomes
    /// <c>\\\u003C\u200B</c>) and may appear twice on the card; every repeated element and the fixed
    /// template add at most the constants below (the answer template binds to about 5 KB with no text).
    /// </summary>
    public int SizeUpperBound()
    {
        const int BytesPerChar = 14 * 2;
        const int BytesPerItem = 1_200;
        const int FixedBytes = 10_000;
        long chars = Answer.AnswerId.Length + Answer.Question.Length + Audience.Length + (Answer.BottomLine?.Text.Length ?? 0);
        var items = 0;
        foreach (var (_, statements) in Sections)
        {
            foreach (var statement in statements)
            {
                chars += statement.Text.Length + (8 * statement.CitationNumbers.Count);
                items++;
            }
        }

        foreach (var reference in References)
        {
            chars += (2 * reference.Title.Length) + (2 * reference.Source.Length) + reference.Url.Length + reference.DocumentId.Length
                + Math.Min(reference.Excerpt.Length, CitationCardData.MaxExcerpt) + reference.License.Length + 16
                + (2 * Math.Min(reference.Section?.Length ?? 0, CitationCardData.MaxSection))
                + (2 * Math.Min(reference.Evidence?.Length ?? 0, CitationCardData.MaxEvidence));
            items++;
        }

        foreach (var text in Answer.FollowUps.Concat(Answer.Notices))
        {
            chars += text.Length;
            items++;
        }

        var bound = (chars * BytesPerChar) + ((items + Sections.Count) * BytesPerItem) + FixedBytes;
        return (int)Math.Min(bound, int.MaxValue);
    }

    public static AnswerCardContent From(Answer answer, string audience) => new(answer, audience);

    /// <summary>
    /// Removes the least valuable remaining piece: the last statement of the longest section (and any
    /// reference no longer cited), then references from the end, then the length of the bottom line.
    /// Returns false when nothing is left to remove.
    /// </summary>
    public bool TryShrink()
    {
        var longest = Sections.Count == 0 ? -1 : Sections.IndexOf(Sections.MaxBy(s => s.Statements.Count));
        if (longest >= 0)
        {
            var statements = Sections[longest].Statements;
            statements.RemoveAt(statements.Count - 1);
            DroppedStatements++;
            if (statements.Count == 0)
            {
                Sections.RemoveAt(longest);
            }

            DropUncitedReferences();
            return true;
        }

        if (References.Count > 0)
        {
            References.RemoveAt(References.Count - 1);
            DroppedReferences++;
            return true;
        }

        if (!ShortBottomLine && Answer.BottomLine is not null)
        {
            ShortBottomLine = true;
            return true;
        }

        return false;
    }

    private void DropUncitedReferences()
    {
        var cited = new HashSet<int>(Answer.BottomLine?.CitationNumbers ?? []);
        foreach (var (_, statements) in Sections)
        {
            foreach (var statement in statements)
            {
                cited.UnionWith(statement.CitationNumbers);
            }
        }

        DroppedReferences += References.RemoveAll(r => !cited.Contains(r.Number));
    }
}
