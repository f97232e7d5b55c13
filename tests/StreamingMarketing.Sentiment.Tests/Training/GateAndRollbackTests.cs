using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

/// <summary>The publish gate and rollback against a file-system registry, as the commands run them.</summary>
public sealed class GateAndRollbackTests
{
    [Fact]
    public async Task Train_publish_refuses_a_candidate_that_does_not_beat_the_serving_model()
    {
        using var data = new TemporaryDirectory();
        Assert.Equal(0, await TrainCommands.TrainAsync([.. TrainCommands.Quick(data.Path, "first"), "--publish", "--force"]));

        // The same recipe on the same data and folds ties with what serves, and a tie is not an improvement.
        var exitCode = await TrainCommands.TrainAsync([.. TrainCommands.Quick(data.Path, "second"), "--publish"]);

        var registry = new FileSystemModelRegistry(Path.Combine(data.Path, "models"));
        Assert.Equal(1, exitCode);
        Assert.Equal("first", await registry.GetPromotedVersionAsync());
        Assert.DoesNotContain(await registry.ListAsync(), m => m.Version == "second");
    }

    [Fact]
    public async Task Rollback_refuses_a_corrupt_package_and_leaves_the_promoted_version()
    {
        using var data = new TemporaryDirectory();
        var registry = new FileSystemModelRegistry(Path.Combine(data.Path, "models"));
        using var staging = new TemporaryDirectory();
        await registry.PublishAsync(Packages.CopyAs("good", staging.Path));
        await registry.PublishAsync(Packages.CopyAs("bad", staging.Path));
        await registry.PromoteAsync("good");
        Packages.CorruptHead(Path.Combine(data.Path, "models", "bad"));

        Assert.Equal(1, await TrainCommands.RollbackAsync("bad", data.Path));
        Assert.Equal(1, await TrainCommands.RollbackAsync("never-published", data.Path));
        Assert.Equal("good", await registry.GetPromotedVersionAsync());
    }

    [Fact]
    public void Training_data_includes_stored_feedback()
    {
        using var data = new TemporaryDirectory();
        var log = FeedbackLog.ForDataDirectory(data.Path);
        log.Append(new FeedbackEntry("the new ad campaign is a disaster", "negative", "c-1", DateTimeOffset.UtcNow));

        var sentiment = TaskData.Load(TaskDefinition.Sentiment(), Path.Combine(AppContext.BaseDirectory, "data"), log.ReadAll(), sample: null);

        Assert.Contains("the new ad campaign is a disaster", sentiment.Texts);
        Assert.Equal(1, sentiment.FeedbackEntries);
        Assert.Contains(sentiment.Description.Sources, s => s.StartsWith("feedback", StringComparison.Ordinal));
    }
}
