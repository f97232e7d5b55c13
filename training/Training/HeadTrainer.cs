using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>L2/L1 strengths of the multinomial logistic head; chosen by cross-validation.</summary>
public sealed record HeadHyperParameters(float L2Regularization, float L1Regularization)
{
    public override string ToString() => $"L2={L2Regularization:G3} L1={L1Regularization:G3}";
}

/// <summary>
/// Fits the sentiment head: standardise the 384-d embedding, then class-weighted multinomial logistic regression
/// (ML.NET LbfgsMaximumEntropy). Class weights N/(K·n_c) stop the majority "neutral" class from swallowing the
/// others, which is what macro-recall punishes. Labels are given as key indices, so the fitted chain needs no
/// label-mapping step and exports to an ONNX graph with "Features" as its only input.
/// </summary>
public sealed class HeadTrainer
{
    private readonly MLContext _ml = new(seed: 17);
    private readonly int _classes;

    public HeadTrainer(int classes) => _classes = classes;

    public ITransformer Fit(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, HeadHyperParameters hyperParameters)
    {
        var counts = new int[_classes];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var rows = features.Select((f, i) => new TrainingRow
        {
            Features = f,
            Label = (uint)labels[i],
            Weight = labels.Count / (float)(_classes * counts[labels[i]]),
        });
        var data = _ml.Data.LoadFromEnumerable(rows, SchemaFor<TrainingRow>());
        var pipeline = _ml.Transforms.NormalizeMeanVariance("Features")
            .Append(_ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = "Weight",
                L2Regularization = hyperParameters.L2Regularization,
                L1Regularization = hyperParameters.L1Regularization,
                OptimizationTolerance = 1e-7f,
                MaximumNumberOfIterations = 1000,
            }));
        return pipeline.Fit(data);
    }

    /// <summary>[rows][classes] probabilities, classes in key order (the order of the labels given to the trainer).</summary>
    public float[][] Predict(ITransformer model, IReadOnlyList<float[]> features)
    {
        var scored = model.Transform(FeaturesView(features));
        return _ml.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: false).Select(r => r.Score).ToArray();
    }

    /// <summary>The data view that defines the exported graph's inputs: embeddings only.</summary>
    public IDataView FeaturesView(IReadOnlyList<float[]> features) =>
        _ml.Data.LoadFromEnumerable(features.Select(f => new FeaturesRow { Features = f }), SchemaFor<FeaturesRow>());

    public void ExportOnnx(ITransformer model, IReadOnlyList<float[]> features, Stream output) =>
        _ml.Model.ConvertToOnnx(model, FeaturesView(features.Take(1).ToList()), output);

    private SchemaDefinition SchemaFor<T>()
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, SentenceEncoder.Dimensions);
        if (typeof(T) == typeof(TrainingRow))
        {
            schema["Label"].ColumnType = new KeyDataViewType(typeof(uint), _classes);
        }

        return schema;
    }

    private sealed class FeaturesRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class TrainingRow
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }

        public float Weight { get; set; }
    }

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
