using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OracleBot.Tests.Infra;

/// <summary>
/// There is no Docker engine on the build machines, so the root Dockerfile is checked against the
/// repository instead: what it copies exists and is not ignored, it copies every project file the host
/// needs for restore, it publishes the host project and starts its assembly, builds the index with a
/// verb the program has, runs as a non-root user and has a health check.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = Instructions(File.ReadAllText(RepositoryRoot.Combine("Dockerfile")));
    private static readonly string[] Ignored = [.. File.ReadAllLines(RepositoryRoot.Combine(".dockerignore"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Fact]
    public void Every_path_copied_from_the_build_context_exists_and_is_not_ignored()
    {
        var sources = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var path = RepositoryRoot.Combine(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"Dockerfile copies {source}, which does not exist");
            Assert.False(IsIgnored(source), $"Dockerfile copies {source}, which .dockerignore leaves out of the context");
        }
    }

    [Fact]
    public void Restore_layer_copies_every_project_the_host_references()
    {
        var copied = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ')).Where(p => p.EndsWith(".csproj", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var needed = ProjectClosure(RepositoryRoot.Combine("src", "OracleBot", "OracleBot.csproj"))
            .Select(p => Path.GetRelativePath(RepositoryRoot.Path, p).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(needed.Order(), copied.Order());
        foreach (var shared in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(Lines, l => l.StartsWith("COPY ", StringComparison.Ordinal) && l.Split(' ').Contains(shared));
        }
    }

    [Fact]
    public void Publishes_the_host_project_and_starts_its_assembly()
    {
        var publish = Assert.Single(Lines, l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var project = publish.Split(' ')[3];
        Assert.Equal("src/OracleBot/OracleBot.csproj", project);

        var csproj = XDocument.Load(RepositoryRoot.Combine(project));
        var assembly = csproj.Descendants("AssemblyName").Single().Value;
        Assert.Equal(XNamespace.None, csproj.Root!.Name.Namespace);
        Assert.Equal("Microsoft.NET.Sdk.Web", csproj.Root.Attribute("Sdk")?.Value);
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", Lines[^1]);

        // Cards and seeds are linked in from the repository root; they must be in the build stage.
        foreach (var linked in new[] { "cards/", "seeds/" })
        {
            Assert.Contains($"COPY {linked} {linked}", Lines);
        }
    }

    [Fact]
    public void Builds_the_index_with_a_verb_the_program_has()
    {
        var verb = new OracleBot.Cli.BuildIndexVerb().Name;
        Assert.Contains($"RUN dotnet OracleBot.dll {verb}", Lines);
        Assert.True(Array.IndexOf(Lines, $"RUN dotnet OracleBot.dll {verb}") > Array.FindIndex(Lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal)));
    }

    [Fact]
    public void Runs_on_official_images_as_a_non_root_user_with_a_health_check()
    {
        var stages = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 ", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0 ", stages[1], StringComparison.Ordinal);

        var final = Lines.SkipWhile(l => l != stages[1]).ToList();
        Assert.Contains("USER $APP_UID", final);
        Assert.Contains(final, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.Contains("/healthz", StringComparison.Ordinal));
        Assert.Contains(final, l => l.Contains("ASPNETCORE_URLS=http://+:8080", StringComparison.Ordinal));
    }

    private static bool IsIgnored(string source)
    {
        var path = source.TrimEnd('/');
        return Ignored.Any(pattern =>
        {
            var p = pattern.TrimEnd('/');
            if (p.StartsWith("**/", StringComparison.Ordinal))
            {
                var name = p[3..];
                return path.Split('/').Contains(name);
            }

            return path == p || path.StartsWith(p + "/", StringComparison.Ordinal)
                || (p.StartsWith("*.", StringComparison.Ordinal) && path.EndsWith(p[1..], StringComparison.Ordinal));
        });
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var relative = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, relative)));
            }
        }

        return seen;
    }

    /// <summary>Joins backslash-continued lines, drops comments and blank lines.</summary>
    private static string[] Instructions(string dockerfile) =>
        [.. Continuation().Replace(dockerfile, " ").Split('\n')
            .Select(l => Spaces().Replace(l.Trim(), " "))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [GeneratedRegex(@"\\\r?\n\s*")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
