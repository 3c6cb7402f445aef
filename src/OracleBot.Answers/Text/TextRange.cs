namespace OracleBot.Answers.Text;

/// <summary>A slice of a larger text, kept as offsets so passages and sentences do not copy the text.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;

    public string Slice(string text) => text.Substring(Start, Length);
}
