using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment.Tests;

public static class Scorers
{
    /// <summary>A CPU scorer serving the shipped model; CPU keeps results identical on every test machine.</summary>
    public static SentimentService CreateServing(SentimentOptions? options = null, ListLogger<SentimentService>? logger = null)
    {
        var service = new SentimentService(Options.Create(options ?? new SentimentOptions { Device = ExecutionDevice.Cpu }), logger ?? new ListLogger<SentimentService>());
        service.Activate(Packages.Shipped);
        return service;
    }
}

/// <summary>One scorer shared by the tests of a class: loading the encoder is the expensive part.</summary>
public sealed class ScorerFixture : IAsyncLifetime
{
    public SentimentService Scorer { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Scorer = Scorers.CreateServing();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Scorer.DisposeAsync();
}
