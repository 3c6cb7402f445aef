namespace OracleBot.Answers.Knowledge;

/// <summary>
/// A level-of-evidence rating that stood in the source text (PDQ's "[Level of evidence C2]") and was taken
/// out of it, so quoted sentences never carry the tag.
/// </summary>
/// <param name="Offset">Where the tag stood in <see cref="KnowledgeDocument.Body"/>: just after the statement it rates.</param>
/// <param name="Level">The rating as the source writes it, e.g. <c>C2</c> or <c>II</c>.</param>
public readonly record struct EvidenceMark(int Offset, string Level);
