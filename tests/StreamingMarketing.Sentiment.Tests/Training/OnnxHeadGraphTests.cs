using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

/// <summary>The hand-built ONNX graphs load in ONNX Runtime 1.31 and compute what the trainer's networks compute.</summary>
public sealed class OnnxHeadGraphTests
{
    [Theory]
    [InlineData("logreg(l2=10,l1=0)")]
    [InlineData("mlp(hidden=16,epochs=3,dropout=0.2,decay=0.001,lr=0.01,seed=1,lexicon)")]
    [InlineData("ensemble(logreg(l2=10,l1=0)+mlp(hidden=8,epochs=2,dropout=0,decay=0,lr=0.01,seed=2,lexicon))")]
    public void Onnx_runtime_reproduces_the_trained_head(string spec)
    {
        using var directory = new TemporaryDirectory();
        var recipe = HeadRecipe.Parse(spec);
        var (features, labels) = SyntheticRows(120, recipe.UsesLexicon);
        var model = recipe.Fit(features, labels, classes: 3);

        // HeadExport.Write loads the graph through the serving HeadSession and throws on any disagreement.
        var reference = HeadExport.Write(model, Path.Combine(directory.Path, "head.onnx"), features, "sentiment");

        Assert.Equal(recipe.UsesLexicon ? OnnxHeadGraph.LexiconInput : null, reference.LexiconInput);
        using var session = new HeadSession(Path.Combine(directory.Path, "head.onnx"), reference, 3);
        var probabilities = session.Predict(new float[2 * SentenceEncoder.Dimensions], 2, new float[2 * ValenceScores.Count]);
        Assert.Equal(1f, probabilities.Take(3).Sum(), 3);
    }

    [Fact]
    public void Recipes_round_trip_through_their_spec()
    {
        foreach (var recipe in TaskDefinition.SentimentCandidates)
        {
            Assert.Equal(recipe.Spec, HeadRecipe.Parse(recipe.Spec).Spec);
        }
    }

    /// <summary>Three separable classes in a few embedding dimensions, plus noise.</summary>
    public static (float[][] Features, int[] Labels) SyntheticRows(int count, bool lexicon)
    {
        var random = new Random(3);
        var width = SentenceEncoder.Dimensions + (lexicon ? ValenceScores.Count : 0);
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
