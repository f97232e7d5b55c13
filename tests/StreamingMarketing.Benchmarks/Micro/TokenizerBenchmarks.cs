using BenchmarkDotNet.Attributes;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>Tokenising 1,000 real tweets with the scorer's tokenizer (FastBertTokenizer plus accent folding).</summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private TextTokenizer tokenizer = null!;
    private string[] tweets = [];

    [GlobalSetup]
    public void Setup()
    {
        tokenizer = new TextTokenizer(Path.Combine(EncoderFiles.DefaultDirectory, "vocab.txt"));
        tweets = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "tweets.tsv")).Skip(1)
            .Select(line => line[(line.IndexOf('\t') + 1)..]).Take(1_000).ToArray();
    }

    [Benchmark]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var tweet in tweets)
        {
            tokens += tokenizer.Tokenize(tweet).Length;
        }

        return tokens;
    }
}
