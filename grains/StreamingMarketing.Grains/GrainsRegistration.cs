using StreamingMarketing.Grains.Allocation;
using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Grains.Erasure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Placement;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Options;
using StreamingMarketing.Grains.Insights;
using StreamingMarketing.Grains.Outbox;
using StreamingMarketing.Grains.Placement;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Grains.Users;

namespace StreamingMarketing.Grains;

public static class GrainsRegistration
{
    /// <summary>What the grains need from a silo's container, whatever the profile.</summary>
    public static ISiloBuilder AddStreamingMarketingGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<UnsavedGrains>();
        silo.Services.TryAddSingleton<InProcessDelivery>();
        silo.Services.AddSingleton<UserPartCourier>();
        silo.Services.AddSingleton<InsightsPartCourier>();
        silo.Services.AddSingleton<OutboxDrain>();
        silo.Services.AddSingleton<SegmentChangeRelay>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<SegmentChangeRelay>());
        silo.Services.AddHostedService<UnsavedStateFlusher>();
        silo.Services.AddValidatedOptions<AggregationOptions, AggregationOptionsValidator>(configuration, AggregationOptions.SectionName);
        silo.Services.AddPlacementFilter<RequiresRolePlacementStrategy, RequiresRolePlacementFilterDirector>(ServiceLifetime.Singleton);
        silo.Services.AddInsights(configuration);
        silo.Services.AddValidatedOptions<ErasureOptions, ErasureOptionsValidator>(configuration, ErasureOptions.SectionName);
        silo.Services.TryAddSingleton<SuppressionList>();
        silo.Services.AddHostedService<TextRetentionSweeper>();
        silo.Services.AddValidatedOptions<AllocationOptions, AllocationOptionsValidator>(configuration, AllocationOptions.SectionName);
        return silo;
    }
}
