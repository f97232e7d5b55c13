using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StreamingMarketing.Grains;

public static class GrainsRegistration
{
    /// <summary>What the grains need from a silo's container, whatever the profile.</summary>
    public static ISiloBuilder AddStreamingMarketingGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.Configure<AggregationOptions>(configuration.GetSection(AggregationOptions.SectionName));
        return silo;
    }
}
