using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

public sealed class PublishGateTests
{
    private static readonly IReadOnlyList<string> Labels = SentimentService.SentimentLabels;

    [Fact]
    public void Refuses_a_candidate_that_is_worse_than_the_serving_recipe_on_the_same_folds()
    {
        var (validation, serving) = ServingLogisticModel();
        var worse = Metrics(validation, HeadRecipe.Parse("mlp(hidden=4,epochs=1,dropout=0,decay=0,lr=0.000001,seed=1)"));

        var decision = PublishGate.Decide(worse, serving, validation, Labels, force: false);

        Assert.False(decision.Publish);
        Assert.Contains("does not beat", decision.Reason, StringComparison.Ordinal);
        Assert.True(decision.Serving!.MacroRecall > worse.MacroRecall);
    }

    [Fact]
    public void Refuses_a_tie_because_a_candidate_must_beat_what_serves()
    {
        var (validation, serving) = ServingLogisticModel();
        var same = Metrics(validation, PublishGate.RecipeOf(serving)!);

        Assert.False(PublishGate.Decide(same, serving, validation, Labels, force: false).Publish);
    }

    [Fact]
    public void Force_publishes_a_worse_candidate()
    {
        var (validation, serving) = ServingLogisticModel();
        var worse = Metrics(validation, HeadRecipe.Parse("mlp(hidden=4,epochs=1,dropout=0,decay=0,lr=0.000001,seed=1)"));

        Assert.True(PublishGate.Decide(worse, serving, validation, Labels, force: true).Publish);
    }

    [Fact]
    public void Reads_the_recipe_of_the_first_shipped_package_from_its_trainer_settings()
    {
        var recipe = PublishGate.RecipeOf(ModelManifest.Read(Packages.Shipped));

        Assert.Equal("logreg(l2=300,l1=1)", recipe!.Spec);
    }

    private static (CrossValidation Validation, ModelManifest Serving) ServingLogisticModel()
    {
        var (features, labels) = OnnxHeadGraphTests.SyntheticRows(150, default);
        var validation = new CrossValidation(features, features.Select(_ => "text").ToList(), labels, 3, folds: 3, seed: 1);
        var serving = ModelManifest.Read(Packages.Shipped) with
        {
            Training = new Dictionary<string, string> { ["recipe"] = "logreg(l2=10,l1=0)" },
        };
        return (validation, serving);
    }

    private static ValidationMetrics Metrics(CrossValidation validation, HeadRecipe recipe) =>
        ClassificationReport.Compute("test", Labels, validation.Labels, validation.OutOfFold(recipe).Select(CrossValidation.ArgMax).ToArray());
}
