using Orleans.Runtime.MembershipService.SiloMetadata;
using StreamingMarketing.Gateway.Health;
using StreamingMarketing.Grains.Placement;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>Advertises the silo's roles as silo metadata and starts what each role needs.</summary>
public static class SiloRoleSetup
{
    public static void Configure(ISiloBuilder silo, SiloSettings settings, IConfiguration configuration)
    {
        // Extra metadata (e.g. ORLEANS__METADATA__zone=...) rides along; the roles entry is always ours.
        var metadata = configuration.GetSection("Orleans:Metadata").GetChildren()
            .Where(entry => entry.Value is not null)
            .ToDictionary(entry => entry.Key, entry => entry.Value!);
        metadata[SiloRoles.MetadataKey] = settings.Roles;
        silo.UseSiloMetadata(metadata);

        if (SiloRoles.Has(metadata, SiloRoles.Scoring))
        {
            silo.Services.AddSentimentScoring(configuration, settings.FullDataDir);
            silo.Services.AddHealthChecks().AddCheck<ModelReadinessCheck>("model", tags: [HealthEndpoints.ReadyTag]);
        }
    }
}
