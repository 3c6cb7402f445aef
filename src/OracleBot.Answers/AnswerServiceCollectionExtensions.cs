using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OracleBot.Answers.Contract;
using OracleBot.Answers.Retrieval;

namespace OracleBot.Answers;

public static class AnswerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the answer service configured in section <c>Answers</c>: options (validated on start),
    /// the knowledge index (a singleton opened in the background at start-up; see
    /// <see cref="KnowledgeIndex.IsReady"/>), <see cref="IRetriever"/> and <see cref="IAnswerService"/>.
    /// </summary>
    public static IServiceCollection AddAnswerService(this IServiceCollection services)
    {
        services.AddOptions<AnswersOptions>()
            .BindConfiguration(AnswersOptions.SectionName)
            .Validate(o => Enum.IsDefined(o.Mode), "Answers:Mode must be Embedded or Remote.")
            .Validate(o => o.Mode == AnswerMode.Embedded, "Answers:Mode Remote is not available yet; use Embedded.")
            .Validate(o => o.MaxStatements is >= 1 and <= 20, "Answers:MaxStatements must be between 1 and 20.")
            .Validate(o => o.TopDocuments is >= 1 and <= 50, "Answers:TopDocuments must be between 1 and 50.")
            .Validate(o => o.ShortQuestionWords is >= 0 and <= 50, "Answers:ShortQuestionWords must be between 0 and 50.")
            .ValidateOnStart();

        services.TryAddSingleton(sp => new KnowledgeIndex(
            KnowledgeIndexPaths.Resolve(sp.GetRequiredService<IOptions<AnswersOptions>>().Value, sp.GetService<IHostEnvironment>()?.ContentRootPath),
            sp.GetRequiredService<ILogger<KnowledgeIndex>>()));
        services.TryAddSingleton<IRetriever>(sp => sp.GetRequiredService<KnowledgeIndex>());
        services.TryAddSingleton<IAnswerService, EmbeddedAnswerService>();
        services.AddHostedService<KnowledgeIndexWarmup>();
        return services;
    }
}
