using Microsoft.Extensions.Logging;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// First start: an empty registry is filled from the packages shipped beside the application (the repository's
/// models/ folder), and the newest is promoted, so a fresh clone serves without a training run.
/// </summary>
public static class ModelRegistrySeeder
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>
    /// The version a seeded registry promotes: the shipped package created last (registries list by creation time,
    /// so "sentiment-v10" is newer than "sentiment-v9" although it sorts before it).
    /// </summary>
    public static string NewestShipped(string seedDirectory) =>
        Directory.EnumerateDirectories(seedDirectory).Select(ModelManifest.Read).MaxBy(m => m.CreatedAt)?.Version
        ?? throw new DirectoryNotFoundException($"No shipped model package in {seedDirectory}.");

    public static async Task SeedIfEmptyAsync(IModelRegistry registry, string seedDirectory, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (await registry.GetPromotedVersionAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var published = await registry.ListAsync(cancellationToken).ConfigureAwait(false);
        if (published.Count == 0 && Directory.Exists(seedDirectory))
        {
            foreach (var package in Directory.EnumerateDirectories(seedDirectory).Order(StringComparer.Ordinal))
            {
                try
                {
                    var manifest = await registry.PublishAsync(package, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Seeded model registry with shipped model {Version}", manifest.Version);
                }
                catch (InvalidOperationException exception)
                {
                    // Another silo seeding the same shared registry got there first.
                    logger.LogInformation("Shipped model in {Package} not seeded: {Reason}", package, exception.Message);
                }
            }

            published = await registry.ListAsync(cancellationToken).ConfigureAwait(false);
        }

        if (published.Count == 0)
        {
            logger.LogWarning("Model registry is empty and no shipped model was found in {SeedDirectory}; sentiment scoring stays unavailable until a model is published", seedDirectory);
            return;
        }

        var newest = published[^1];
        await registry.PromoteAsync(newest.Version, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Promoted model {Version}, the newest in the registry", newest.Version);
    }
}
