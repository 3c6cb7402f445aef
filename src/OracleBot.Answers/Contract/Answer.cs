namespace OracleBot.Answers.Contract;

/// <summary>
/// A grounded answer: every statement cites passages that were retrieved for the question,
/// and citation numbers run 1..n in order of first use.
/// </summary>
/// <param name="AnswerId">Stable id of this answer, used for feedback and thread state.</param>
/// <param name="Question">The question this answer answers, restated on the card.</param>
/// <param name="BottomLine">The single most relevant statement; null when nothing relevant was found.</param>
/// <param name="Sections">One section per document kind present, in the reader's order (clinicians: guidelines, evidence summaries, research, reference sources).</param>
/// <param name="Citations">The cited sources, ordered by number.</param>
/// <param name="FollowUps">Up to three follow-up questions the knowledge base can answer.</param>
/// <param name="Notices">Plain statements about the evidence itself, e.g. that no guideline addresses the question.</param>
public sealed record Answer(
    string AnswerId,
    string Question,
    Statement? BottomLine,
    IReadOnlyList<AnswerSection> Sections,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> FollowUps,
    IReadOnlyList<string> Notices)
{
    /// <summary>True when no evidence at all was found for the question.</summary>
    public bool IsEmpty => BottomLine is null && Sections.Count == 0;
}

/// <summary>A group of statements drawn from one kind of document.</summary>
public sealed record AnswerSection(DocumentKind Kind, IReadOnlyList<Statement> Statements);

/// <summary>A sentence of the answer and the numbers of the citations that support it.</summary>
public sealed record Statement(string Text, IReadOnlyList<int> CitationNumbers);

/// <summary>One cited source, with the passage that supports the statements citing it.</summary>
/// <param name="Number">The [n] shown in the statements.</param>
/// <param name="DocumentId">Knowledge-base document id, e.g. <c>pmid:21645374</c>.</param>
/// <param name="PassageId">The passage within the document that was retrieved.</param>
/// <param name="Title">A display title true to the data (PubMedQA has no titles: PMID, year and first words).</param>
/// <param name="Url">The source's own http(s) URL from the knowledge base; never user-supplied.</param>
/// <param name="Excerpt">The supporting passage text, shortened for display.</param>
/// <param name="Section">The headings of the passage within its document, outermost first, joined with " › "; null when it has none.</param>
/// <param name="Evidence">The strength of evidence as the source gives it, as a short label (e.g. "Level of evidence C2",
/// "CDC category A, evidence type 3"); null when the source gives none.</param>
/// <param name="Updated">The date the source was last updated, when known (evidence summaries).</param>
public sealed record Citation(
    int Number,
    string DocumentId,
    string PassageId,
    string Title,
    DocumentKind Kind,
    string Source,
    int? Year,
    string Url,
    string License,
    string Excerpt,
    string? Section = null,
    string? Evidence = null,
    DateOnly? Updated = null);
