using Microsoft.Extensions.Options;
using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.BrandSafety;

/// <summary>
/// One CPU scorer serving the package an empty registry promotes, shared by a test class; the held-out sober
/// snippets are scored once for both heads' tests.
/// </summary>
public sealed class NewestPackageScorerFixture : IAsyncLifetime
{
    /// <summary>Below the scorer's queue bound (Sentiment:MaxQueueLength, 4,096), so a large set never reads as overload.</summary>
    private const int Chunk = 1000;

    private Lazy<Task<IReadOnlyList<SentimentPrediction>>> sober = null!;

    public SentimentService Scorer { get; private set; } = null!;

    public ModelManifest Manifest { get; private set; } = null!;

    public static string Datasets => Path.Combine(AppContext.BaseDirectory, "data");

    public Task<IReadOnlyList<SentimentPrediction>> SoberPredictions => sober.Value;

    public Task InitializeAsync()
    {
        Scorer = new SentimentService(Options.Create(new SentimentOptions { Device = ExecutionDevice.Cpu }), new ListLogger<SentimentService>());
        Scorer.Activate(Packages.NewestShipped);
        Manifest = ModelManifest.Read(Packages.NewestShipped);
        sober = new(() => ScoreAsync(SoberText.Load(Datasets).HeldOut));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<SentimentPrediction>> ScoreAsync(IReadOnlyList<string> texts)
    {
        var predictions = new List<SentimentPrediction>(texts.Count);
        foreach (var chunk in texts.Chunk(Chunk))
        {
            predictions.AddRange(await Scorer.ScoreAsync(chunk));
        }

        return predictions;
    }

    public async Task DisposeAsync() => await Scorer.DisposeAsync();
}
