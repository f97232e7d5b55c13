using Microsoft.Extensions.Logging.Abstractions;
using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests;

/// <summary>A batch is embedded in length-ordered calls of a few rows; what each text gets must not depend on its batch.</summary>
public sealed class EncoderBatchingTests
{
    [Fact]
    public void A_mixed_length_batch_embeds_each_text_as_it_would_alone_in_input_order()
    {
        using var encoder = new SentenceEncoder(new EncoderFiles(EncoderFiles.DefaultDirectory), ExecutionDevice.Cpu, 0, NullLogger.Instance);
        var tweets = LabeledText.ReadTsv(Path.Combine(AppContext.BaseDirectory, "data", "tweeteval", "sentiment_val.tsv")).Take(3 * SentenceEncoder.CpuRowsPerCall + 3).ToList();
        var tokens = tweets.Select(t => encoder.Tokenizer.Tokenize(t.Text)).ToArray();
        Assert.True(tokens.Select(t => t.Length).Distinct().Count() > SentenceEncoder.CpuRowsPerCall, "the batch needs many lengths");

        var batch = encoder.Embed(tokens);

        for (var row = 0; row < tokens.Length; row++)
        {
            var alone = encoder.Embed([tokens[row]]);
            var inBatch = batch.AsSpan(row * SentenceEncoder.Dimensions, SentenceEncoder.Dimensions).ToArray();
            Assert.Equal(alone, inBatch, (a, b) => Math.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public void An_empty_batch_embeds_to_nothing()
    {
        using var encoder = new SentenceEncoder(new EncoderFiles(EncoderFiles.DefaultDirectory), ExecutionDevice.Cpu, 0, NullLogger.Instance);

        Assert.Empty(encoder.Embed([]));
    }
}
