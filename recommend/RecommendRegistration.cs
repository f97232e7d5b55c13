using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Contracts.Options;
using StreamingMarketing.Recommend.Registry;
using StreamingMarketing.Recommend.Serving;

namespace StreamingMarketing.Recommend;

public static class RecommendRegistration
{
    /// <summary>The silo's serving recommender over the registry under <paramref name="dataDir"/>, kept current by its watcher.</summary>
    public static IServiceCollection AddRecommender(this IServiceCollection services, IConfiguration configuration, string dataDir)
    {
        services.AddValidatedOptions<RecommenderOptions, RecommenderOptionsValidator>(configuration, RecommenderOptions.SectionName);
        services.AddSingleton(RecommenderRegistry.ForDataDir(dataDir));
        services.AddSingleton<RecommenderService>();
        services.AddHostedService<RecommenderWatcher>();
        return services;
    }
}
