using StreamingMarketing.Sentiment;
using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// How far the TorchSharp encoder is from ONNX Runtime on the same texts: the largest absolute difference of any
/// pooled, normalised embedding component. Both sides see the same tokens and the same padded batches.
/// </summary>
public static class EncoderParity
{
    public const double Tolerance = 1e-4;

    public static double MaxDifference(BertSentenceEncoder torchEncoder, SentenceEncoder onnxEncoder, IReadOnlyList<string> texts, int batchSize = 32)
    {
        var worst = 0.0;
        var tokens = texts.Select(onnxEncoder.Tokenizer.Tokenize).ToArray();
        torchEncoder.eval();
        for (var start = 0; start < tokens.Length; start += batchSize)
        {
            var batch = tokens.AsSpan(start, Math.Min(batchSize, tokens.Length - start)).ToArray();
            var expected = onnxEncoder.Embed(batch);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var (ids, mask) = TokenBatch.Pad(batch, torchEncoder.Device);
            var actual = torchEncoder.forward(ids, mask).cpu().data<float>().ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
            }
        }

        return worst;
    }
}
