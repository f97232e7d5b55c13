using Microsoft.Extensions.Logging.Abstractions;
using StreamingMarketing.Training;
using StreamingMarketing.Training.FineTuning;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

[Trait("Category", "Functional")]
[Trait(Debian13Root.Trait, Debian13Root.Value)]
public sealed class EncoderParityTests
{
    [Fact]
    public void TorchSharp_encoder_loaded_from_the_onnx_graph_embeds_real_tweets_as_onnx_runtime_does()
    {
        var files = new EncoderFiles(EncoderFiles.DefaultDirectory);
        using var onnx = new SentenceEncoder(files, ExecutionDevice.Cpu, 0, NullLogger.Instance);
        using var torchEncoder = new BertSentenceEncoder();
        torchEncoder.LoadFrom(OnnxEncoderWeights.Read(files.ModelPath));
        var tweets = LabeledText.ReadTsv(Path.Combine(AppContext.BaseDirectory, "data", "tweeteval", "sentiment_val.tsv")).Take(96).Select(e => e.Text)
            .Concat(SampleTexts.Tweets).ToList();

        var difference = EncoderParity.MaxDifference(torchEncoder, onnx, tweets);

        Assert.True(difference <= EncoderParity.Tolerance, $"largest embedding difference {difference:E2}");
    }
}
