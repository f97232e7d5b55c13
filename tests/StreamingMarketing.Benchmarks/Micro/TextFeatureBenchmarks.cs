using BenchmarkDotNet.Attributes;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>
/// The per-text features brand-safety heads read beside the embedding (VADER valence scores, insult cues) over 1,000
/// real tweets, against tokenising the same tweets: the work the scorer already does per text outside the encoder.
/// </summary>
[MemoryDiagnoser]
public class TextFeatureBenchmarks
{
    private TextTokenizer tokenizer = null!;
    private string[] tweets = [];

    [GlobalSetup]
    public void Setup()
    {
        tokenizer = new TextTokenizer(Path.Combine(EncoderFiles.DefaultDirectory, "vocab.txt"));
        tweets = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "tweets.tsv")).Skip(1)
            .Select(line => line[(line.IndexOf('\t') + 1)..]).Take(1_000).ToArray();
        InsultCues.Score("warm up", new float[InsultCues.Count]);
    }

    [Benchmark(Baseline = true)]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var tweet in tweets)
        {
            tokens += tokenizer.Tokenize(tweet).Length;
        }

        return tokens;
    }

    [Benchmark]
    public float[] ValenceScores() => TextFeatures.Valence(tweets);

    [Benchmark]
    public float[] InsultCueScores() => TextFeatures.InsultCues(tweets);
}
