using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StreamingMarketing.Contracts;
using StreamingMarketing.Hosting;
using StreamingMarketing.Silo.Hosting;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>
/// The embedded memory streams forget delivered events after a bounded time. Orleans' own default (30 minutes) lets
/// the cache of a loaded silo grow by tens of MB a second; these check the bound reaches the provider's options.
/// </summary>
public sealed class MemoryStreamCacheTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), $"sm-stream-cache-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task The_embedded_silo_keeps_thirty_seconds_of_events_not_Orleans_thirty_minutes()
    {
        await using var silo = SiloHost.Build(["--data-dir", dataDir]);

        var eviction = silo.Services.GetRequiredService<IOptionsMonitor<StreamCacheEvictionOptions>>().Get(StreamNames.Provider);

        Assert.Equal(TimeSpan.FromSeconds(30), eviction.DataMinTimeInCache);
        Assert.Equal(TimeSpan.FromSeconds(30), eviction.DataMaxAgeInCache);
        Assert.Equal(TimeSpan.FromMinutes(30), new StreamCacheEvictionOptions().DataMaxAgeInCache);
    }

    [Fact]
    public async Task The_retention_is_configurable()
    {
        await using var silo = SiloHost.Build(["--data-dir", dataDir, "--Silo:StreamCacheRetention", "00:00:05"]);

        var eviction = silo.Services.GetRequiredService<IOptionsMonitor<StreamCacheEvictionOptions>>().Get(StreamNames.Provider);

        Assert.Equal(TimeSpan.FromSeconds(5), eviction.DataMinTimeInCache);
        Assert.Equal(TimeSpan.FromSeconds(5), eviction.DataMaxAgeInCache);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public void A_retention_that_is_not_positive_stops_the_silo_naming_the_setting(string retention)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloHost.Build(["--data-dir", dataDir, "--Silo:StreamCacheRetention", retention]));

        Assert.Contains("Silo:StreamCacheRetention", error.Message, StringComparison.Ordinal);
    }
}
