using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Hosting;
using StreamingMarketing.Silo.Hosting;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Configuration;

/// <summary>A profile's ingest bounds are defaults that configuration overrides, 0 (unbounded) included.</summary>
public sealed class ProfileDefaultsTests : IDisposable
{
    private readonly string dataDir = RunningSilo.NewDataDir();

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, ProfileIngestLimits.EmbeddedEventsInFlight)]
    [InlineData("500", 500)]
    [InlineData("0", 0)]
    public async Task The_embedded_in_flight_bound_is_the_profile_default_unless_configured(string? configured, long expected)
    {
        string[] args = configured is null ? ["--data-dir", dataDir] : ["--data-dir", dataDir, "--Ingest:MaxEventsInFlight", configured];
        await using var silo = SiloHost.Build(args);

        var ingest = silo.Services.GetRequiredService<IOptions<IngestOptions>>().Value;

        Assert.Equal(expected, ingest.MaxEventsInFlight);
        Assert.Equal(0, ingest.StreamPartitions);
    }
}
