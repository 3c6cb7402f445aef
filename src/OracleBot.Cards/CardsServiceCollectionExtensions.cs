using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OracleBot.Cards.Templating;

namespace OracleBot.Cards;

public static class CardsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CardFactory"/> and the compiled templates (options section <c>Cards</c>).
    /// The templates are read and compiled when the host starts; a missing or unsupported template stops start-up.
    /// </summary>
    public static IServiceCollection AddCards(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CardsOptions>()
            .BindConfiguration(CardsOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardsOptions>, CardTemplatesValidator>());
        services.TryAddSingleton(sp =>
            CardTemplateCatalog.Load(CardTemplateCatalog.ResolveDirectory(sp.GetRequiredService<IOptions<CardsOptions>>().Value.TemplatesDirectory)));
        services.TryAddSingleton<CardFactory>();
        return services;
    }

    /// <summary>Compiles the templates during start-up validation, so a broken template fails the start, not a turn.</summary>
    private sealed class CardTemplatesValidator : IValidateOptions<CardsOptions>
    {
        public ValidateOptionsResult Validate(string? name, CardsOptions options)
        {
            try
            {
                CardTemplateCatalog.Load(CardTemplateCatalog.ResolveDirectory(options.TemplatesDirectory));
                return ValidateOptionsResult.Success;
            }
            catch (Exception ex) when (ex is TemplateException or IOException or UnauthorizedAccessException)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
