using Microsoft.Extensions.Logging.Abstractions;
using StreamingMarketing.Training;
using StreamingMarketing.Training.FineTuning;
using static TorchSharp.torch;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

[Trait("Category", "Functional")]
[Trait(Debian13Root.Trait, Debian13Root.Value)]
public sealed class WriteBackTests
{
    [Fact]
    public void Changed_top_layers_written_back_into_the_graph_run_in_onnx_runtime_as_in_torchsharp_and_read_back_unchanged()
    {
        using var temp = new TemporaryDirectory();
        var files = new EncoderFiles(EncoderFiles.DefaultDirectory);
        using var baseEncoder = new SentenceEncoder(files, ExecutionDevice.Cpu, 0, NullLogger.Instance);
        var baseWeights = OnnxEncoderWeights.Read(files.ModelPath);
        using var encoder = new BertSentenceEncoder();
        encoder.LoadFrom(baseWeights);
        encoder.TrainTopLayers(2);
        manual_seed(7);
        using (no_grad())
        {
            foreach (var (_, parameter) in encoder.TrainedWeights())
            {
                parameter.add_(randn_like(parameter).mul(0.02));
            }
        }

        var tweets = LabeledText.ReadTsv(Path.Combine(AppContext.BaseDirectory, "data", "tweeteval", "sentiment_val.tsv")).Take(64).Select(e => e.Text).ToList();
        var written = EncoderWriteBack.Write(encoder, baseWeights, baseEncoder, temp.Combine("encoder-delta.pb"), tweets);

        Assert.Equal(32, written.Tensors);
        Assert.InRange(written.MaxDifference, 0, EncoderParity.Tolerance);
        var reread = OnnxEncoderWeights.FromModel(Onnx.ModelProto.Parser.ParseFrom(written.Graph));
        foreach (var (name, parameter) in encoder.NamedWeights())
        {
            var expected = baseWeights[name].Transposed ? parameter.detach().t().contiguous() : parameter.detach().contiguous();
            Assert.Equal(expected.data<float>().ToArray(), reread[name].Values);
        }

        Assert.NotEqual(baseWeights["encoder.layer.5.output.dense.weight"].Values, reread["encoder.layer.5.output.dense.weight"].Values);
        Assert.Equal(baseWeights["encoder.layer.3.output.dense.weight"].Values, reread["encoder.layer.3.output.dense.weight"].Values);
    }
}
