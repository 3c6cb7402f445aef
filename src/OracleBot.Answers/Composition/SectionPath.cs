using System.Collections.Concurrent;
using OracleBot.Answers.Knowledge;

namespace OracleBot.Answers.Composition;

/// <summary>The headings a passage sits under, outermost first, as one line of text (as its citation shows them).</summary>
public static class SectionPath
{
    // Documents whose body still carries Markdown headings (no heading path recorded at load time): their
    // heading outline, read once per document.
    private static readonly ConcurrentDictionary<string, (int[] Offsets, string?[] Paths)> Outlines = new(StringComparer.Ordinal);

    public static string? Of(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        if (passage.HeadingPath.Count > 0)
        {
            return string.Join(CitationNumbering.SectionSeparator, passage.HeadingPath);
        }

        if (passage.Heading is not null || !passage.Document.Body.StartsWith('#'))
        {
            return passage.Heading;
        }

        var (offsets, paths) = Outlines.GetOrAdd(passage.Document.Id, _ => Outline(passage.Document.Body));
        var at = Array.BinarySearch(offsets, passage.Range.Start);
        at = at >= 0 ? at : ~at - 1;
        return at >= 0 ? paths[at] : null;
    }

    private static (int[] Offsets, string?[] Paths) Outline(string body)
    {
        var offsets = new List<int>();
        var paths = new List<string?>();
        var stack = new List<(int Level, string Text)>();
        var start = 0;
        while (start < body.Length)
        {
            var end = body.IndexOf('\n', start);
            end = end < 0 ? body.Length : end;
            var line = body.AsSpan(start, end - start);
            var level = line.IndexOfAnyExcept('#');
            if (level > 0 && level < line.Length && line[level] == ' ')
            {
                stack.RemoveAll(s => s.Level >= level);
                stack.Add((level, line[(level + 1)..].Trim().ToString()));
                offsets.Add(start);
                paths.Add(string.Join(CitationNumbering.SectionSeparator, stack.Select(s => s.Text)));
            }

            start = end + 1;
        }

        return ([.. offsets], [.. paths]);
    }
}
