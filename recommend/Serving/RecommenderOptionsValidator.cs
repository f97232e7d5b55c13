using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Recommend.Serving;

/// <summary>Refuses recommender settings no silo could serve with, naming the key.</summary>
public sealed class RecommenderOptionsValidator : IValidateOptions<RecommenderOptions>
{
    public ValidateOptionsResult Validate(string? name, RecommenderOptions options) => new OptionsFailures(RecommenderOptions.SectionName)
        .Positive(nameof(options.RegistryPollInterval), options.RegistryPollInterval)
        .AtLeast(nameof(options.MaxBecause), options.MaxBecause, 0)
        .Result;
}
