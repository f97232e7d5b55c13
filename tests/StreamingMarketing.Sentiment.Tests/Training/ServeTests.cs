using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

/// <summary>One tick of 'serve': retrain only once enough feedback arrived since the serving model was trained.</summary>
public sealed class ServeTests
{
    [Fact]
    public async Task Retrains_only_once_enough_new_feedback_has_arrived()
    {
        using var data = new TemporaryDirectory();
        var options = new TrainingOptions(data.Path, Path.Combine(AppContext.BaseDirectory, "data"), Folds: 3, ExecutionDevice.Cpu,
            Sample: 300, SentimentRecipes: [HeadRecipe.Parse("logreg(l2=1000,l1=0,lexicon)")], ExtraHeads: false);
        var log = FeedbackLog.ForDataDirectory(data.Path);
        log.Append(new FeedbackEntry("the checkout page keeps crashing", "negative", null, DateTimeOffset.UtcNow));

        var tooFew = await ServeCommand.RunOnceAsync(options, minimum: 2);
        log.Append(new FeedbackEntry("support sorted it out in minutes", "positive", null, DateTimeOffset.UtcNow));
        var enough = await ServeCommand.RunOnceAsync(options, minimum: 2);

        Assert.Null(tooFew);
        // An empty registry has nothing to beat, so the gate lets the first unattended run through.
        Assert.Equal(TrainOutcome.Published, enough);
        var registry = new FileSystemModelRegistry(Path.Combine(data.Path, "models"));
        var serving = await TrainCommand.ServingManifestAsync(registry);
        Assert.Equal("2", serving!.Training[PackageBuilder.FeedbackEntriesKey]);
        Assert.Null(await ServeCommand.RunOnceAsync(options, minimum: 2));
    }
}
