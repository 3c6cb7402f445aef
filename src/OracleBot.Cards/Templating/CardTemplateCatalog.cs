namespace OracleBot.Cards.Templating;

/// <summary>The compiled card templates of one folder, loaded together so a broken one stops start-up.</summary>
public sealed class CardTemplateCatalog
{
    /// <summary>Names of the templates every deployment needs (<c>cards/&lt;name&gt;.json</c>).</summary>
    public static IReadOnlyList<string> RequiredNames { get; } = ["answer", "citation", "welcome", "help", "error", "audience", "feedback-thanks", "too-long", "notice"];

    private readonly Dictionary<string, CardTemplate> _templates;

    private CardTemplateCatalog(string directory, Dictionary<string, CardTemplate> templates)
    {
        Directory = directory;
        _templates = templates;
    }

    /// <summary>The folder the templates were read from.</summary>
    public string Directory { get; }

    public CardTemplate Answer => _templates["answer"];

    public CardTemplate Citation => _templates["citation"];

    public CardTemplate Welcome => _templates["welcome"];

    public CardTemplate Help => _templates["help"];

    public CardTemplate Error => _templates["error"];

    public CardTemplate Audience => _templates["audience"];

    public CardTemplate FeedbackThanks => _templates["feedback-thanks"];

    public CardTemplate TooLong => _templates["too-long"];

    public CardTemplate Notice => _templates["notice"];

    /// <summary>Reads and compiles every required template; throws <see cref="TemplateException"/> naming the first problem.</summary>
    public static CardTemplateCatalog Load(string directory)
    {
        var templates = new Dictionary<string, CardTemplate>(StringComparer.Ordinal);
        foreach (var name in RequiredNames)
        {
            var path = Path.Combine(directory, name + ".json");
            if (!File.Exists(path))
            {
                throw new TemplateException($"Card template '{path}' is missing.");
            }

            templates[name] = CardTemplate.Compile(name, File.ReadAllText(path));
        }

        return new CardTemplateCatalog(directory, templates);
    }

    /// <summary>
    /// The configured folder, else <c>cards</c> beside the application, else the nearest
    /// <c>cards/answer.json</c> above the current directory.
    /// </summary>
    public static string ResolveDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, "cards");
        if (File.Exists(Path.Combine(besideApp, "answer.json")))
        {
            return besideApp;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "cards");
            if (File.Exists(Path.Combine(candidate, "answer.json")))
            {
                return candidate;
            }
        }

        throw new TemplateException(
            $"No card templates found: set Cards:TemplatesDirectory, or ship cards/*.json beside the application ({besideApp}).");
    }
}
