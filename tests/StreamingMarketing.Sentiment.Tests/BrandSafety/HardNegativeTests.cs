using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.BrandSafety;

/// <summary>How sober hard negatives are folded, weighted and held to the flag-rate ceiling.</summary>
public sealed class HardNegativeTests
{
    [Fact]
    public void Each_kind_of_sober_text_is_held_to_the_ceiling_on_its_own()
    {
        // Tweets separate perfectly anywhere in (0.2, 0.8]; 196 editorials score 0.1, 4 complaints 0.6.
        var tweets = Enumerable.Range(0, 100).Select(i => i < 50 ? 0.2 : 0.8).ToArray();
        var truth = tweets.Select(p => p > 0.5).ToArray();
        double[] sober = [.. Enumerable.Repeat(0.1, 196), .. Enumerable.Repeat(0.6, 4)];
        SoberKind[] kinds = [.. Enumerable.Repeat(SoberKind.Editorial, 196), .. Enumerable.Repeat(SoberKind.Complaint, 4)];

        // Pooled, flagging all 4 complaints is 2 % of the sober text and allowed; per kind it is 100 % of the complaints.
        var pooled = OperatingPoint.Choose(tweets, truth, sober);
        var (threshold, macroF1) = OperatingPoint.Choose(tweets, truth, sober, kinds);

        Assert.True(pooled.Threshold <= 0.6, $"pooled threshold {pooled.Threshold}");
        Assert.True(threshold > 0.6, $"threshold {threshold}");
        Assert.Equal(1.0, macroF1, 9);
    }

    [Fact]
    public void Sentences_of_one_document_share_a_fold_and_tweets_stay_stratified()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 1 : 0).ToArray();
        var groups = Enumerable.Range(0, 200).Select(i => i < 100 ? null : $"doc{i / 4}").ToArray();

        var folds = CrossValidation.GroupedFolds(labels, groups, folds: 5, seed: 2017);

        foreach (var document in Enumerable.Range(100, 100).GroupBy(i => groups[i]))
        {
            Assert.Single(document.Select(i => folds[i]).Distinct());
        }

        var positivesPerFold = Enumerable.Range(0, 100).Where(i => labels[i] == 1).GroupBy(i => folds[i]).Select(g => g.Count()).ToArray();
        Assert.Equal(5, positivesPerFold.Length);
        Assert.True(positivesPerFold.Max() - positivesPerFold.Min() <= 1);
    }

    [Fact]
    public void Class_weights_balance_the_weighted_counts()
    {
        int[] labels = [0, 0, 0, 1];
        float[] weights = [1, 1, 4, 1];

        var rowWeights = HeadRecipe.RowLossWeights(labels, 2, weights);

        // Class 0 weighs 6 before balancing, class 1 weighs 1; after it, both classes total 3.5.
        Assert.Equal(3.5, rowWeights[0] + rowWeights[1] + rowWeights[2], 5);
        Assert.Equal(3.5, rowWeights[3], 5);
        Assert.Equal(4 * rowWeights[0], rowWeights[2], 5);
        Assert.Equal(HeadRecipe.ClassWeights(labels, 2), HeadRecipe.RowLossWeights(labels, 2, null).Distinct().OrderBy(w => w).ToArray());
    }

    [Fact]
    public void Only_complaint_snippets_take_the_complaint_weight()
    {
        var data = TaskData.Load(TaskDefinition.Extra.Single(d => d.Task == SentimentService.OffensiveTask),
            Path.Combine(AppContext.BaseDirectory, "data"), [], sample: 400);

        var weights = data.RowWeights(4f)!;
        var groups = data.FoldGroups()!;

        Assert.Null(data.RowWeights(1f));
        Assert.All(Enumerable.Range(0, data.TaskRows), i => Assert.Equal(1f, weights[i]));
        Assert.All(Enumerable.Range(0, data.TaskRows), i => Assert.Null(groups[i]));
        var snippets = data.HardNegativeSnippets!;
        Assert.Contains(snippets, s => s.Kind == SoberKind.Complaint);
        Assert.Contains(snippets, s => s.Kind == SoberKind.Editorial);
        Assert.All(Enumerable.Range(0, snippets.Count), j =>
            Assert.Equal(snippets[j].Kind == SoberKind.Complaint ? 4f : 1f, weights[data.TaskRows + j]));
    }
}
