using BenchmarkDotNet.Attributes;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>
/// The scorer's per-text work outside the encoder, over 1,000 real tweets: tokenising (FastBertTokenizer plus accent
/// folding, the baseline), and the features heads read beside the embedding (VADER valence scores, insult cues).
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
