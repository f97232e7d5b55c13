using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Validation;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>
/// Parsing and validating one 1,000-event request: the source-generated one-pass reader against the per-item
/// JsonDocument reader it falls back to (the baseline), and validation alone.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private readonly EventBodyReader reader = new(new IngestOptions());
    private readonly EventValidator validator = new(new EventValidationOptions());
    private byte[] array = [];
    private byte[] ndjson = [];
    private List<IncomingEvent> events = [];

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTime.UtcNow.ToString("O");
        var items = Enumerable.Range(0, 1_000).Select(i => new Dictionary<string, object?>
        {
            ["eventId"] = $"event-{i}", ["platform"] = "twitter", ["type"] = i % 10 == 0 ? "comment" : "impression",
            ["userId"] = $"user-{i % 300}", ["campaignId"] = $"campaign-{i % 20}", ["timestamp"] = now,
            ["text"] = i % 10 == 0 ? "really enjoying the new collection, great prices" : null, ["hashtags"] = new[] { "sale" },
        }).ToList();
        array = JsonSerializer.SerializeToUtf8Bytes(items);
        ndjson = Encoding.UTF8.GetBytes(string.Join('\n', items.Select(item => JsonSerializer.Serialize(item))));
        events = reader.Parse(array, ndjson: false).Items.Select(item => item.Event!).ToList();
    }

    [Benchmark(Baseline = true)]
    public int ParseArrayItemByItem() => reader.Parse(Encoding.UTF8.GetBytes("[null," + Encoding.UTF8.GetString(array)[1..]), ndjson: false).Items.Count;

    [Benchmark]
    public int ParseArrayOnePass() => reader.Parse(array, ndjson: false).Items.Count;

    [Benchmark]
    public int ParseNdjson() => reader.Parse(ndjson, ndjson: true).Items.Count;

    [Benchmark]
    public int Validate()
    {
        var accepted = 0;
        foreach (var e in events)
        {
            accepted += validator.TryValidate(e, out _, out _) ? 1 : 0;
        }

        return accepted;
    }
}
