using Microsoft.Extensions.Configuration;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// The registry the silos read, configured the same way (Sentiment:Registry:*, here from environment variables
/// such as Sentiment__Registry__Kind=AzureBlob), so training publishes where serving looks.
/// </summary>
public static class RegistryFromEnvironment
{
    public static IModelRegistry Create(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = new ModelRegistryOptions();
        configuration.GetSection($"{SentimentOptions.SectionName}:Registry").Bind(options);
        return SentimentServiceCollectionExtensions.CreateRegistry(options, dataDirectory);
    }
}
