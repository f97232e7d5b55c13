namespace StreamingMarketing.Tests.Observability;

/// <summary>
/// The tests that read the loaded silo's metrics share it and run alone, after the parallel collections. OpenTelemetry
/// merges identical instruments of every host in the process into one series and drops that series when any one of
/// those hosts is disposed: a silo started and stopped beside this one would erase series from this silo's scrape.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObservabilityCollection : ICollectionFixture<LoadedSiloFixture>
{
    public const string Name = "Observability";
}
