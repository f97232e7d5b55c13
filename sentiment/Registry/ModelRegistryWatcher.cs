using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// Keeps the scorer on the registry's promoted version: seeds an empty registry, then polls every
/// <see cref="SentimentOptions.RegistryPollSeconds"/> and swaps a newly promoted version in. A refused package
/// is logged once and the previous model keeps serving.
/// </summary>
public sealed class ModelRegistryWatcher : BackgroundService
{
    private readonly IModelRegistry registry;
    private readonly SentimentService service;
    private readonly SentimentOptions options;
    private readonly ILogger<ModelRegistryWatcher> logger;
    private string? refusedVersion;

    public ModelRegistryWatcher(IModelRegistry registry, SentimentService service, IOptions<SentimentOptions> options, ILogger<ModelRegistryWatcher> logger)
    {
        this.registry = registry;
        this.service = service;
        this.options = options.Value;
        this.logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seeded = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RegistryPollSeconds));
        do
        {
            try
            {
                if (!seeded)
                {
                    await ModelRegistrySeeder.SeedIfEmptyAsync(registry, options.SeedDirectory ?? ModelRegistrySeeder.DefaultDirectory, logger, stoppingToken);
                    seeded = true;
                }

                await PollOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A registry outage must not stop the silo: keep serving and retry on the next tick.
                logger.LogWarning(exception, "Model registry poll failed; still serving {Version}", service.CurrentModel?.Version ?? "no model");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Swaps in the promoted version if it differs from the serving one; true when it did.</summary>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var promoted = await registry.GetPromotedVersionAsync(cancellationToken);
        if (promoted is null || promoted == service.CurrentModel?.Version || promoted == refusedVersion)
        {
            return false;
        }

        try
        {
            var directory = await registry.GetLocalPackageAsync(promoted, cancellationToken);
            service.Activate(directory);
            refusedVersion = null;
            return true;
        }
        catch (ModelPackageException exception)
        {
            // Packages are immutable, so retrying the same version cannot succeed: remember it until another is promoted.
            refusedVersion = promoted;
            logger.LogError("Refused model {Version}: {Reason} Still serving {CurrentVersion}",
                promoted, exception.Message, service.CurrentModel?.Version ?? "no model");
            return false;
        }
    }
}
