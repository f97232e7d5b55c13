using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>
/// One scorer batch (32 real tweets) through the CPU encoder in calls of 32, 16, 8 and 4 length-ordered rows: each
/// call pads to its longest row, so smaller calls pad less but call ONNX Runtime more often. The 32-row call is the
/// baseline (one padded call per batch).
/// </summary>
public class EncoderCallSizeBenchmarks : IDisposable
{
    private SentenceEncoder encoder = null!;
    private long[][] batch = [];

    [Params(32, 16, 8, 4)]
    public int RowsPerCall { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        encoder = new SentenceEncoder(new EncoderFiles(EncoderFiles.DefaultDirectory), ExecutionDevice.Cpu, 0, NullLogger.Instance);
        batch = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "tweets.tsv")).Skip(1)
            .Select(line => encoder.Tokenizer.Tokenize(line[(line.IndexOf('\t') + 1)..])).Take(32).ToArray();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        encoder?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public float[] Embed() => encoder.Embed(batch, RowsPerCall);
}
