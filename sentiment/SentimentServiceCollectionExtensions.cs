using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment;

public static class SentimentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SentimentService"/> (singleton), the model registry configured under
    /// <c>Sentiment:Registry</c> (default: file system under <paramref name="dataDirectory"/>/models) and the
    /// watcher that seeds it and swaps in promoted versions. <paramref name="configuration"/> is the root
    /// configuration; options come from its "Sentiment" section, checked when the host starts.
    /// </summary>
    public static IServiceCollection AddSentimentScoring(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentimentOptions>, SentimentOptionsValidator>());
        services.AddOptions<SentimentOptions>().Bind(configuration.GetSection(SentimentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton(sp => CreateRegistry(sp.GetRequiredService<IOptions<SentimentOptions>>().Value.Registry, dataDirectory));
        services.AddSingleton<SentimentService>();
        services.AddHostedService<ModelRegistryWatcher>();
        return services;
    }

    public static IModelRegistry CreateRegistry(ModelRegistryOptions options, string dataDirectory) => options.Kind switch
    {
        ModelRegistryKind.FileSystem => new FileSystemModelRegistry(options.Path ?? Path.Combine(dataDirectory, "models")),
        ModelRegistryKind.AzureBlob => new AzureBlobModelRegistry(
            new BlobContainerClient(
                options.ConnectionString ?? throw new InvalidOperationException("Sentiment:Registry:ConnectionString is required for the AzureBlob registry."),
                options.Container),
            Path.Combine(dataDirectory, "model-cache")),
        _ => throw new InvalidOperationException($"Unknown Sentiment:Registry:Kind '{options.Kind}'."),
    };
}
