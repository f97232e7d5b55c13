using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace StreamingMarketing.Training;

/// <summary>
/// Class-weighted multinomial logistic regression (ML.NET LbfgsMaximumEntropy) on standardised features. The
/// fitted weights are read back into a one-layer <see cref="DenseNetwork"/> with the standardisation folded in.
/// </summary>
public sealed record LogisticRecipe(float L2, float L1, HeadInputs Reads) : HeadRecipe
{
    public override HeadInputs Inputs => Reads;

    public override string Spec => $"logreg(l2={Format(L2)},l1={Format(L1)}{Reads.SpecFlags})";

    public static LogisticRecipe From(Dictionary<string, string?> arguments) =>
        new(FloatArgument(arguments, "l2", 300), FloatArgument(arguments, "l1", 1), HeadInputs.From(arguments));

    public override HeadModel Fit(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, IReadOnlyList<float>? weights = null)
    {
        var standardiser = Standardiser.Fit(features);
        var rowWeights = RowLossWeights(labels, classes, weights);
        var dims = features[0].Length;
        // One context and one thread per fit: folds run in parallel, and results must not depend on scheduling.
        var ml = new MLContext(seed: 17);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dims);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        var rows = features.Select((f, i) => new Row { Features = standardiser.Apply(f), Label = (uint)labels[i], Weight = rowWeights[i] });
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = L2,
            L1Regularization = L1,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(rows, schema)).Model;

        VBuffer<float>[] classWeights = [];
        model.GetWeights(ref classWeights, out var fittedClasses);
        var biases = model.GetBiases().ToArray();
        var matrix = new float[fittedClasses * dims];
        for (var c = 0; c < fittedClasses; c++)
        {
            classWeights[c].DenseValues().ToArray().CopyTo(matrix, c * dims);
        }

        var network = new DenseNetwork([new DenseLayer(dims, fittedClasses, matrix, biases, Relu: false)]);
        return new HeadModel([network.WithStandardisedInput(standardiser.Mean, standardiser.Scale)], Reads);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }

        public float Weight { get; set; }
    }
}
