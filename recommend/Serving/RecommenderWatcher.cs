using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Recommend.Registry;

namespace StreamingMarketing.Recommend.Serving;

/// <summary>
/// Keeps the silo on the registry's promoted recommender, like the sentiment model's watcher: polls every
/// <see cref="RecommenderOptions.RegistryPollInterval"/>, loads and verifies a newly promoted version off to the side
/// and swaps it in whole. A package that fails to load is logged once and the previous one keeps serving.
/// </summary>
public sealed class RecommenderWatcher(RecommenderRegistry registry, RecommenderService service, IOptions<RecommenderOptions> options, ILogger<RecommenderWatcher> logger) : BackgroundService
{
    private string? refused;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RegistryPollInterval);
        do
        {
            PollOnce();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>True when it swapped a new version in.</summary>
    public bool PollOnce()
    {
        try
        {
            var promoted = registry.PromotedVersion();
            if (promoted is null || promoted == service.Current?.Version || promoted == refused)
            {
                return false;
            }

            try
            {
                service.Activate(registry.Load(promoted));
                logger.LogInformation("Serving recommender {Version}", promoted);
                return true;
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or EndOfStreamException or System.Text.Json.JsonException)
            {
                // Packages are immutable: the same version cannot load later; remember it until another is promoted.
                refused = promoted;
                logger.LogError("Refused recommender {Version}: {Reason}; still serving {Current}", promoted, exception.Message, service.Current?.Version ?? "none");
                return false;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            logger.LogWarning(exception, "Recommender registry poll failed; still serving {Current}", service.Current?.Version ?? "none");
            return false;
        }
    }
}
