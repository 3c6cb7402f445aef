using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Cards;

namespace OracleBot.Tests.Cards;

public sealed class CardsRegistrationTests
{
    private static ServiceProvider Build(string? templatesDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cards:TemplatesDirectory"] = templatesDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCards();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddCards_resolves_a_working_factory()
    {
        using var provider = Build(CardTestData.TemplatesDirectory);
        var factory = provider.GetRequiredService<CardFactory>();
        Assert.Equal("1.5", factory.Help()["version"]!.GetValue<string>());
    }

    [Fact]
    public void Start_up_validation_fails_for_a_folder_without_templates()
    {
        var empty = Directory.CreateTempSubdirectory("no-cards-");
        try
        {
            using var provider = Build(empty.FullName);
            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<CardsOptions>>().Get(Options.DefaultName));
            Assert.Contains("answer.json", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
