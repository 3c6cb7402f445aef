using Microsoft.Extensions.Logging.Abstractions;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Knowledge.Import;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Tests.Answers;

public sealed class KnowledgeImporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Library => Path.Combine(_temp.Path, "library");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp.Path, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<KnowledgeIndex> OpenAsync()
    {
        var seeds = TestDocuments.WriteSeeds(_temp.Path, TestDocuments.SmallCorpus());
        var index = new KnowledgeIndex(new KnowledgeIndexLocation(seeds, Path.Combine(_temp.Path, "index")) { LibraryDirectory = Library }, NullLogger<KnowledgeIndex>.Instance);
        await index.EnsureReadyAsync(CancellationToken.None);
        return index;
    }

    private string Markdown(string body) => Write("sepsis.md", $"""
        ---
        title: Early management of sepsis (Test guideline)
        url: https://example.org/guidelines/sepsis
        source: Example Health Trust
        year: 2024
        license: Licensed to Example Health Trust
        ---
        # Early management of sepsis
        ## What is the first step in managing sepsis?
        {body}
        """);

    private string Html() => Write("anaphylaxis.html", """
        <html><head><title>Anaphylaxis (Test reference)</title>
        <meta name="oraclebot:kind" content="reference"><meta name="oraclebot:url" content="https://example.org/anaphylaxis">
        <style>p { color: red }</style></head>
        <body><h1>Anaphylaxis</h1><p>Intramuscular adrenaline is the first treatment for anaphylaxis &amp; should not be delayed.</p>
        <script>var ignored = "adrenaline";</script></body></html>
        """);

    [Fact]
    public async Task Markdown_HTML_and_JSONL_files_become_searchable_documents()
    {
        var jsonl = Write("extra.jsonl", TestDocuments.Line("lib:migraine", "Migraine (Test)", "Triptans relieve acute migraine attacks in many adults.", kind: "research", year: 2019) + "\n");

        var result = KnowledgeImporter.Import([Markdown("Give broad-spectrum antibiotics within one hour of recognising sepsis."), Html(), jsonl], Library, new ImportDefaults(License: "Test licence"));
        using var index = await OpenAsync();

        Assert.Equal(new KnowledgeImporter.ImportResult(3, 3, 0), result);
        var sepsis = index.Search("antibiotics within one hour sepsis", 1)[0].Document;
        Assert.Equal(("import:sepsis", DocumentKind.Guideline, "Example Health Trust", 2024), (sepsis.Id, sepsis.Kind, sepsis.Source, sepsis.Year));
        var anaphylaxis = index.Search("adrenaline anaphylaxis", 1)[0].Document;
        Assert.Equal(("Anaphylaxis (Test reference)", DocumentKind.Reference, "Test licence"), (anaphylaxis.Title, anaphylaxis.Kind, anaphylaxis.License));
        Assert.DoesNotContain("ignored", anaphylaxis.Body, StringComparison.Ordinal);
        Assert.Contains("& should", anaphylaxis.Body, StringComparison.Ordinal);
        Assert.Equal("lib:migraine", index.Search("triptans migraine", 1)[0].Document.Id);
    }

    [Fact]
    public async Task Importing_a_document_again_replaces_it()
    {
        KnowledgeImporter.Import([Markdown("Give broad-spectrum antibiotics within one hour of recognising sepsis.")], Library, new ImportDefaults());
        var result = KnowledgeImporter.Import([Markdown("Measure serum lactate as soon as sepsis is suspected.")], Library, new ImportDefaults());
        using var index = await OpenAsync();

        Assert.Equal(1, result.Replaced);
        Assert.Equal(5, index.Store.DocumentCount);
        Assert.Contains("lactate", index.Store.FindDocument("import:sepsis")!.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("antibiotics", index.Store.FindDocument("import:sepsis")!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_names_its_line_and_nothing_is_imported()
    {
        KnowledgeImporter.Import([Markdown("Give broad-spectrum antibiotics within one hour of recognising sepsis.")], Library, new ImportDefaults());
        var before = Directory.GetFiles(Library).ToDictionary(f => f, File.ReadAllText);
        var good = Html();
        var bad = Write("broken.jsonl", TestDocuments.Line("lib:ok", "Fine", "A fine line of text for the test.") + "\n{\"id\": \"lib:broken\", \"text\": \n");

        var error = Assert.Throws<InvalidDataException>(() => KnowledgeImporter.Import([good, bad], Library, new ImportDefaults()));

        Assert.StartsWith(bad + ":2:", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Library).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public void A_document_without_a_source_url_is_refused()
    {
        var page = Write("no-url.md", "# Heart failure\nLoop diuretics relieve congestion in heart failure.\n");

        var error = Assert.Throws<InvalidDataException>(() => KnowledgeImporter.Import([page], Library, new ImportDefaults()));

        Assert.Contains(page + ":1", error.Message, StringComparison.Ordinal);
        Assert.Contains("url", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Library) && Directory.EnumerateFiles(Library).Any());
    }

    public void Dispose() => _temp.Dispose();
}
