using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OracleBot.Answers.Knowledge.Import;

/// <summary>
/// Reads one Markdown or HTML file as one document. Metadata comes from Markdown front matter
/// (<c>---</c> lines with <c>key: value</c>) or HTML <c>&lt;meta name="oraclebot:key" content="…"&gt;</c>
/// (keys: id, title, kind, source, year, url, license), else from the flags; the title falls back to the
/// first heading. Headings stay on lines of their own so passages follow the document's sections.
/// </summary>
internal static partial class TextFileParser
{
    public static SeedRecord ParseMarkdown(string path, ImportDefaults defaults)
    {
        var lines = File.ReadAllLines(path);
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
            if (end < 0)
            {
                throw new InvalidDataException($"{path}:1: front matter opened with '---' is never closed.");
            }

            for (var i = 1; i < end; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new InvalidDataException($"{path}:{i + 1}: front matter lines must read 'key: value'.");
                }

                meta[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim().Trim('"');
            }

            start = end + 1;
        }

        var text = new StringBuilder();
        string? heading = null;
        foreach (var raw in lines.Skip(start))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                line = line.TrimStart('#').Trim();
                heading ??= line;
            }

            line = MarkdownInline().Replace(line, "$1");
            line = line.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
            text.AppendLine(line);
        }

        return Record(path, meta, heading, text.ToString(), defaults);
    }

    public static SeedRecord ParseHtml(string path, ImportDefaults defaults)
    {
        var html = File.ReadAllText(path);
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in MetaTag().Matches(html))
        {
            meta[match.Groups["name"].Value] = WebUtility.HtmlDecode(match.Groups["content"].Value).Trim();
        }

        var title = TitleTag().Match(html) is { Success: true } t ? Clean(t.Groups[1].Value) : null;
        var h1 = H1Tag().Match(html) is { Success: true } h ? Clean(h.Groups[1].Value) : null;
        var body = ScriptOrStyle().Replace(html, " ");
        body = BlockTag().Replace(body, "\n");
        body = AnyTag().Replace(body, " ");
        var text = string.Join('\n', WebUtility.HtmlDecode(body).Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
        return Record(path, meta, title ?? h1, text, defaults);
    }

    private static SeedRecord Record(string path, Dictionary<string, string> meta, string? heading, string text, ImportDefaults defaults)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidDataException($"{path}:1: the file has no text.");
        }

        int? year = defaults.Year;
        if (meta.TryGetValue("year", out var y))
        {
            year = int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : throw new InvalidDataException($"{path}:1: year '{y}' is not a number.");
        }

        return new SeedRecord(
            meta.GetValueOrDefault("id") ?? "import:" + Slug(Path.GetFileNameWithoutExtension(path)),
            meta.GetValueOrDefault("title") ?? defaults.Title ?? heading ?? Path.GetFileNameWithoutExtension(path),
            text.Trim(),
            null,
            null,
            meta.GetValueOrDefault("source") ?? defaults.Source,
            year,
            meta.GetValueOrDefault("url") ?? defaults.Url,
            meta.GetValueOrDefault("kind") ?? defaults.Kind ?? "guideline",
            meta.GetValueOrDefault("license") ?? defaults.License);
    }

    public static string Slug(string name) => NonSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');

    private static string Clean(string html) => Spaces().Replace(WebUtility.HtmlDecode(AnyTag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownInline();

    [GeneratedRegex("""<meta\s+name\s*=\s*["']oraclebot:(?<name>[a-z]+)["']\s+content\s*=\s*["'](?<content>[^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleTag();

    [GeneratedRegex(@"<h1[^>]*>(.*?)</h1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex H1Tag();

    [GeneratedRegex(@"<(script|style|head|nav|footer)[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
