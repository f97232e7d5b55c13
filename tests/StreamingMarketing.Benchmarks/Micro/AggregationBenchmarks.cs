using StreamingMarketing.Contracts;
using BenchmarkDotNet.Attributes;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>The per-event work of a campaign grain's aggregates, 10,000 events per operation.</summary>
[MemoryDiagnoser]
public class AggregationBenchmarks
{
    private const int Events = 10_000;
    private readonly DateTime now = DateTime.UtcNow;
    private string[] users = [];
    private ulong[] hashes = [];
    private string[] tags = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        users = Enumerable.Range(0, Events).Select(_ => $"user-{random.Next(50_000)}").ToArray();
        hashes = users.Select(StableStringHash.Of).ToArray();
        tags = Enumerable.Range(0, Events).Select(_ => $"tag-{(int)Math.Pow(random.NextDouble(), 3) * 1_000}").ToArray();
    }

    [Benchmark]
    public int WindowUpdates()
    {
        var windows = new EventWindows();
        for (var i = 0; i < Events; i++)
        {
            windows.AddEvent(now.AddSeconds(-i), now, (EventType)(i % EventTypes.Count), 1);
        }

        return windows.LastHour.Buckets.Count;
    }

    [Benchmark]
    public long HyperLogLogAdds()
    {
        var sketch = new HyperLogLog();
        foreach (var hash in hashes)
        {
            sketch.Add(hash);
        }

        return sketch.Estimate();
    }

    [Benchmark]
    public ulong HashEventIds()
    {
        ulong sum = 0;
        foreach (var user in users)
        {
            sum ^= StableStringHash.Of(user);
        }

        return sum;
    }

    [Benchmark]
    public int TopKAdds()
    {
        var top = new TopK(capacity: 200);
        foreach (var tag in tags)
        {
            top.Add(tag);
        }

        return top.Counters.Count;
    }

    [Benchmark]
    public int DedupeRingOfCampaign()
    {
        var ring = new RecentEventIds(capacity: 100_000);
        var added = 0;
        foreach (var hash in hashes)
        {
            added += ring.Add(hash) ? 1 : 0;
        }

        return added;
    }
}
