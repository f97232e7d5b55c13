using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

/// <summary>The hand-built ONNX graphs load in ONNX Runtime 1.31 and compute what the trainer's networks compute.</summary>
public sealed class OnnxHeadGraphTests
{
    [Theory]
    [InlineData("logreg(l2=10,l1=0)")]
    [InlineData("mlp(hidden=16,epochs=3,dropout=0.2,decay=0.001,lr=0.01,seed=1,lexicon)")]
    [InlineData("ensemble(logreg(l2=10,l1=0)+mlp(hidden=8,epochs=2,dropout=0,decay=0,lr=0.01,seed=2,lexicon))")]
    [InlineData("logreg(l2=10,l1=0,lexicon,insults)")]
    [InlineData("logreg(l2=10,l1=0,insults)")]
    [InlineData("ensemble(logreg(l2=10,l1=0,lexicon,insults)+mlp(hidden=8,epochs=2,dropout=0,decay=0,lr=0.01,seed=2,lexicon,insults))")]
    public void Onnx_runtime_reproduces_the_trained_head(string spec)
    {
        using var directory = new TemporaryDirectory();
        var recipe = HeadRecipe.Parse(spec);
        var (features, labels) = SyntheticRows(120, recipe.Inputs);
        var model = recipe.Fit(features, labels, classes: 3);

        // HeadExport.Write loads the graph through the serving HeadSession and throws on any disagreement.
        var reference = HeadExport.Write(model, Path.Combine(directory.Path, "head.onnx"), features, "sentiment");

        Assert.Equal(recipe.UsesLexicon ? OnnxHeadGraph.LexiconInput : null, reference.LexiconInput);
        Assert.Equal(recipe.Inputs.Insults ? OnnxHeadGraph.InsultCuesInput : null, reference.InsultCuesInput);
        using var session = new HeadSession(Path.Combine(directory.Path, "head.onnx"), reference, 3);
        var probabilities = session.Predict(new float[2 * SentenceEncoder.Dimensions], 2, new float[2 * ValenceScores.Count], new float[2 * InsultCues.Count]);
        Assert.Equal(1f, probabilities.Take(3).Sum(), 3);
    }

    [Fact]
    public void A_head_that_takes_insult_cues_refuses_a_batch_without_them()
    {
        using var directory = new TemporaryDirectory();
        var recipe = HeadRecipe.Parse("logreg(l2=10,l1=0,insults)");
        var (features, labels) = SyntheticRows(60, recipe.Inputs);
        var reference = HeadExport.Write(recipe.Fit(features, labels, classes: 3), Path.Combine(directory.Path, "head.onnx"), features, "offensive");

        using var session = new HeadSession(Path.Combine(directory.Path, "head.onnx"), reference, 3);
        var error = Assert.Throws<ArgumentNullException>(() => session.Predict(new float[SentenceEncoder.Dimensions], 1));
        Assert.Contains("insult cues", error.Message);
    }

    [Fact]
    public void An_ensemble_takes_insult_cues_in_every_member_or_in_none()
    {
        var error = Assert.Throws<ArgumentException>(() => HeadRecipe.Parse("ensemble(logreg(l2=10,l1=0,lexicon,insults)+logreg(l2=10,l1=0,lexicon))"));
        Assert.Contains("insult cues", error.Message);
    }

    [Fact]
    public void Recipes_round_trip_through_their_spec()
    {
        foreach (var recipe in TaskDefinition.SentimentCandidates.Concat(TaskDefinition.Extra.SelectMany(t => t.Candidates)))
        {
            Assert.Equal(recipe.Spec, HeadRecipe.Parse(recipe.Spec).Spec);
        }
    }

    /// <summary>Three separable classes in a few embedding dimensions, plus noise.</summary>
    public static (float[][] Features, int[] Labels) SyntheticRows(int count, HeadInputs inputs)
    {
        var random = new Random(3);
        var width = inputs.Width;
        var labels = Enumerable.Range(0, count).Select(i => i % 3).ToArray();
        var features = labels.Select(label =>
        {
            var row = new float[width];
            for (var d = 0; d < width; d++)
            {
                row[d] = (random.NextSingle() - 0.5f) * 0.1f;
            }

            row[label] += 1f;
            return row;
        }).ToArray();
        return (features, labels);
    }
}
