using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment.Tests;

/// <summary>One encoder pass feeds every head a package carries.</summary>
public sealed class MultiHeadScoringTests
{
    [Fact]
    public async Task A_package_with_emotion_and_brand_safety_heads_scores_them_beside_sentiment()
    {
        await using var scorer = new SentimentService(Options.Create(new SentimentOptions { Device = ExecutionDevice.Cpu }), new ListLogger<SentimentService>());
        scorer.Activate(Packages.NewestShipped);

        var results = await scorer.ScoreAsync(["So happy with my new phone, love it!", "You are a disgusting idiot, get lost"]);

        Assert.Equal("positive", results[0].Label);
        Assert.Equal("joy", results[0].Emotion!.Label);
        Assert.Equal(1.0, results[0].Emotion!.Probabilities.Values.Sum(), 3);
        Assert.True(results[1].BrandSafety!.Offensive > results[0].BrandSafety!.Offensive);
    }

    [Fact]
    public async Task A_sentiment_only_package_answers_without_emotion_or_brand_safety()
    {
        await using var scorer = Scorers.CreateServing();

        var result = (await scorer.ScoreAsync(["Loving the new release!"])).Single();

        Assert.Null(result.Emotion);
        Assert.Null(result.BrandSafety);
    }

    [Fact]
    public async Task A_package_whose_extra_head_is_corrupt_is_refused_whole()
    {
        using var temp = new TemporaryDirectory();
        var package = Path.Combine(temp.Path, "broken-emotion");
        Directory.CreateDirectory(package);
        foreach (var file in Directory.EnumerateFiles(Packages.NewestShipped))
        {
            File.Copy(file, Path.Combine(package, Path.GetFileName(file)));
        }

        var emotion = Path.Combine(package, "emotion.onnx");
        File.WriteAllBytes(emotion, File.ReadAllBytes(emotion)[..100]);
        await using var scorer = Scorers.CreateServing();

        var refused = Assert.Throws<ModelPackageException>(() => scorer.Activate(package));

        Assert.Contains("emotion.onnx", refused.Message, StringComparison.Ordinal);
        Assert.Equal("sentiment-v1", scorer.CurrentModel?.Version);
    }
}
