using Microsoft.Extensions.Logging.Abstractions;
using StreamingMarketing.Training;
using StreamingMarketing.Training.FineTuning;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

/// <summary>Where a continued fine-tune starts: a shipped package's encoder and linear head, read without LibTorch.</summary>
public sealed class StartingPointTests
{
    private static readonly string FineTuned = Path.Combine(ModelRegistrySeeder.DefaultDirectory, "sentiment-v5");
    private static readonly string FrozenEncoder = Path.Combine(ModelRegistrySeeder.DefaultDirectory, "sentiment-v3");

    [Fact]
    public void A_fine_tuned_packages_encoder_differs_from_the_base_in_the_layers_it_trained_only()
    {
        using var baseEncoder = new SentenceEncoder(new EncoderFiles(EncoderFiles.DefaultDirectory), ExecutionDevice.Cpu, 0, NullLogger.Instance);

        var start = StartingEncoder.Read(FineTuned, baseEncoder, trainedLayers: 3);
        var original = StartingEncoder.Read(null, baseEncoder, trainedLayers: 3);

        foreach (var (name, weight) in original.ByTorchName)
        {
            var changed = !weight.Values.SequenceEqual(start[name].Values);
            Assert.True(changed == BertSentenceEncoder.LayerOf(name) >= 3, $"{name} changed: {changed}");
        }
    }

    [Fact]
    public void Continuing_a_package_refuses_fewer_layers_than_it_trained_and_a_frozen_encoder_package()
    {
        using var baseEncoder = new SentenceEncoder(new EncoderFiles(EncoderFiles.DefaultDirectory), ExecutionDevice.Cpu, 0, NullLogger.Instance);

        var tooFew = Assert.Throws<ModelPackageException>(() => StartingEncoder.Read(FineTuned, baseEncoder, trainedLayers: 2));
        Assert.Contains("encoder.layer.3.", tooFew.Message, StringComparison.Ordinal);
        var frozen = Assert.Throws<ModelPackageException>(() => StartingEncoder.Read(FrozenEncoder, baseEncoder, trainedLayers: 3));
        Assert.Contains("frozen encoder", frozen.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sentiment_head_is_continued_only_when_it_is_one_linear_layer_over_the_embedding()
    {
        var head = Assert.IsType<DenseLayer>(StartingEncoder.ReadLinearSentimentHead(FineTuned));

        Assert.Equal((384, 3, false), (head.Inputs, head.Outputs, head.Relu));
        Assert.Equal("fine-tuned linear head", ModelManifest.Read(FineTuned).Training["sentimentHead"]);
        Assert.Null(StartingEncoder.ReadLinearSentimentHead(FrozenEncoder));
        Assert.Null(StartingEncoder.ReadLinearSentimentHead(null));
    }

    [Fact]
    public void The_continued_head_scores_as_the_served_head_does()
    {
        var head = StartingEncoder.ReadLinearSentimentHead(FineTuned)!;
        var embedding = Enumerable.Range(0, 384).Select(i => MathF.Sin(i) / 14f).ToArray();
        using var served = new HeadSession(Path.Combine(FineTuned, "sentiment.onnx"), ModelManifest.Read(FineTuned).Head, 3);

        var logits = Enumerable.Range(0, 3).Select(o => head.Bias[o] + Enumerable.Range(0, 384).Sum(i => head.Weights[(o * 384) + i] * embedding[i])).ToArray();
        var softmax = logits.Select(z => MathF.Exp(z - logits.Max())).ToArray();
        var expected = softmax.Select(p => p / softmax.Sum()).ToArray();

        var actual = served.Predict(embedding, 1);
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) < 1e-5f);
    }
}
