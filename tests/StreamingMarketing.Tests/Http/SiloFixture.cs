using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Http;

/// <summary>One real silo host shared by a test class.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public RunningSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await RunningSilo.StartAsync();

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}
