using Onnx;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

public sealed class EncoderDeltaTests
{
    private static readonly EncoderFiles Files = new(EncoderFiles.DefaultDirectory);

    [Fact]
    public void A_delta_replaces_the_named_initializers_and_keeps_every_node()
    {
        using var temp = new TemporaryDirectory();
        var baseModel = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Files.ModelPath));
        var original = baseModel.Graph.Initializer.Single(t => t.Name == DeltaPackages.ShiftedTensor);
        var replacement = EncoderDelta.FloatValues(original).Select(v => v + 1f).ToArray();
        var path = temp.Combine("delta.pb");
        EncoderDelta.Write(path, [(DeltaPackages.ShiftedTensor, original.Dims.ToArray(), replacement)]);

        var rewritten = ModelProto.Parser.ParseFrom(EncoderDelta.Apply(File.ReadAllBytes(Files.ModelPath), EncoderDelta.Read(path)));

        Assert.Equal(baseModel.Graph.Node, rewritten.Graph.Node);
        Assert.Equal(baseModel.Graph.Initializer.Select(t => t.Name), rewritten.Graph.Initializer.Select(t => t.Name));
        Assert.Equal(replacement, EncoderDelta.FloatValues(rewritten.Graph.Initializer.Single(t => t.Name == DeltaPackages.ShiftedTensor)));
        var untouched = baseModel.Graph.Initializer.Single(t => t.Name == "encoder.layer.4.output.dense.bias");
        Assert.Equal(EncoderDelta.FloatValues(untouched), EncoderDelta.FloatValues(rewritten.Graph.Initializer.Single(t => t.Name == untouched.Name)));
    }

    [Fact]
    public void A_delta_naming_a_tensor_the_encoder_lacks_or_with_another_shape_is_refused()
    {
        using var temp = new TemporaryDirectory();
        var unknown = temp.Combine("unknown.pb");
        EncoderDelta.Write(unknown, [("encoder.layer.9.output.dense.bias", [384L], new float[384])]);
        var reshaped = temp.Combine("reshaped.pb");
        EncoderDelta.Write(reshaped, [(DeltaPackages.ShiftedTensor, [383L], new float[383])]);
        var baseBytes = File.ReadAllBytes(Files.ModelPath);

        Assert.Contains("does not have", Assert.Throws<ModelPackageException>(() => EncoderDelta.Apply(baseBytes, EncoderDelta.Read(unknown))).Message);
        Assert.Contains("[383]", Assert.Throws<ModelPackageException>(() => EncoderDelta.Apply(baseBytes, EncoderDelta.Read(reshaped))).Message);
    }

    [Fact]
    public async Task A_package_with_an_encoder_delta_is_served_on_its_own_encoder_and_rollback_restores_the_base_one()
    {
        using var temp = new TemporaryDirectory();
        await using var scorer = Scorers.CreateServing();
        var baseScores = await scorer.ScoreAsync(SampleTexts.Tweets);

        scorer.Activate(DeltaPackages.Create("delta-served", temp.Path));
        var deltaScores = await scorer.ScoreAsync(SampleTexts.Tweets);
        scorer.Activate(Packages.Shipped);
        var rolledBack = await scorer.ScoreAsync(SampleTexts.Tweets);

        Assert.Contains(deltaScores.Zip(baseScores), pair => Math.Abs(pair.First.Score - pair.Second.Score) > 1e-3);
        Assert.Equal(baseScores.Select(s => s.Score), rolledBack.Select(s => s.Score));
    }

    [Fact]
    public async Task A_package_whose_encoder_hash_does_not_match_base_plus_delta_is_refused_and_the_serving_model_stays()
    {
        using var temp = new TemporaryDirectory();
        await using var scorer = Scorers.CreateServing();
        var package = DeltaPackages.Create("delta-tampered", temp.Path);
        var manifest = ModelManifest.Read(package);
        (manifest with { Encoder = manifest.Encoder with { Sha256 = new string('0', 64) } }).Write(package);

        var refusal = Assert.Throws<ModelPackageException>(() => scorer.Activate(package));

        Assert.Contains("hashes to", refusal.Message);
        Assert.Equal("sentiment-v1", scorer.CurrentModel?.Version);
    }

    [Fact]
    public void A_delta_file_is_part_of_the_package_and_its_hash_is_checked()
    {
        using var temp = new TemporaryDirectory();
        var package = DeltaPackages.Create("delta-corrupt", temp.Path);
        File.AppendAllText(Path.Combine(package, "encoder-delta.pb"), "x");

        Assert.Contains("encoder-delta.pb", ModelManifest.Read(package).Files);
        Assert.Contains("corrupt", Assert.Throws<ModelPackageException>(() => ModelPackage.Verify(package)).Message);
    }
}
