using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// Keeps the scorer on the registry's promoted version: seeds an empty registry, then polls every
/// <see cref="SentimentOptions.RegistryPollSeconds"/> and swaps a newly promoted version in. A refused package
/// is logged once and the previous model keeps serving.
/// </summary>
public sealed class ModelRegistryWatcher : BackgroundService
{
    private readonly IModelRegistry _registry;
    private readonly SentimentService _service;
    private readonly SentimentOptions _options;
    private readonly ILogger<ModelRegistryWatcher> _logger;
    private string? _refusedVersion;

    public ModelRegistryWatcher(IModelRegistry registry, SentimentService service, SentimentOptions options, ILogger<ModelRegistryWatcher> logger)
    {
        _registry = registry;
        _service = service;
        _options = options;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seeded = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.RegistryPollSeconds));
        do
        {
            try
            {
                if (!seeded)
                {
                    await ModelRegistrySeeder.SeedIfEmptyAsync(_registry, _options.SeedDirectory ?? ModelRegistrySeeder.DefaultDirectory, _logger, stoppingToken);
                    seeded = true;
                }

                await PollOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A registry outage must not stop the silo: keep serving and retry on the next tick.
                _logger.LogWarning(exception, "Model registry poll failed; still serving {Version}", _service.CurrentModel?.Version ?? "no model");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Swaps in the promoted version if it differs from the serving one; true when it did.</summary>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var promoted = await _registry.GetPromotedVersionAsync(cancellationToken);
        if (promoted is null || promoted == _service.CurrentModel?.Version || promoted == _refusedVersion)
        {
            return false;
        }

        try
        {
            var directory = await _registry.GetLocalPackageAsync(promoted, cancellationToken);
            _service.Activate(directory);
            _refusedVersion = null;
            return true;
        }
        catch (ModelPackageException exception)
        {
            // Packages are immutable, so retrying the same version cannot succeed: remember it until another is promoted.
            _refusedVersion = promoted;
            _logger.LogError("Refused model {Version}: {Reason} Still serving {CurrentVersion}",
                promoted, exception.Message, _service.CurrentModel?.Version ?? "no model");
            return false;
        }
    }
}
