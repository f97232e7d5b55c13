using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Grains.Outbox;

namespace StreamingMarketing.Benchmarks.Pipeline;

/// <summary>
/// Runs one phase: sends pre-generated requests, then waits until the subscribers took every event off the streams
/// and the outbox parts they numbered reached the user profiles and insights grains.
/// Events get their timestamp when sent, so the recorded lag is send → applied.
/// </summary>
public sealed class PipelineBenchmark(EventPublisher publisher, InProcessDelivery delivery, OutboxDrain outboxes, HttpClient http, LagRecorder lag, PhaseCosts costs)
{
    /// <summary>Events as a connector sends them: enums as lower-case names.</summary>
    internal static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<BenchResult> DirectAsync(string name, List<List<InteractionEvent>> requests, string streamNamespace, int concurrency = 8) =>
        MeasureAsync(name, requests, concurrency, async (request, ct) =>
        {
            var now = DateTime.UtcNow;
            var byCampaign = request
                .Select(e => e with { EventId = NextEventId(), Timestamp = now, ReceivedAt = now })
                .GroupBy(e => e.CampaignId)
                .ToDictionary(g => g.Key, g => g.ToList());
            var failed = await publisher.PublishAsync(byCampaign, ct, streamNamespace);
            if (failed.Count > 0)
            {
                throw new InvalidOperationException($"{failed.Count} campaign batches could not be published");
            }
        });

    public Task<BenchResult> HttpAsync(string name, List<List<InteractionEvent>> requests, int concurrency = 4) =>
        MeasureAsync(name, requests, concurrency, async (request, ct) =>
        {
            var now = DateTime.UtcNow;
            var body = JsonSerializer.SerializeToUtf8Bytes(request.Select(e => e with { EventId = NextEventId(), Timestamp = now }), Wire);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/api/events", content, ct);
            var answer = await response.Content.ReadFromJsonAsync<IngestResponse>(ct);
            if (!response.IsSuccessStatusCode || answer!.Accepted != request.Count)
            {
                throw new InvalidOperationException($"ingest answered {(int)response.StatusCode}: accepted {answer?.Accepted} of {request.Count}");
            }
        });

    private readonly string runId = Guid.NewGuid().ToString("N")[..8];
    private long sequence;

    private string NextEventId() => $"{runId}-{Interlocked.Increment(ref sequence)}";

    private async Task<BenchResult> MeasureAsync(
        string name, List<List<InteractionEvent>> requests, int concurrency, Func<List<InteractionEvent>, CancellationToken, Task> send)
    {
        await WaitForDrainAsync();
        lag.Reset();
        var events = requests.Sum(r => r.Count);
        var before = costs.Take();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (request, ct) => await send(request, ct));
        await WaitForDrainAsync();
        stopwatch.Stop();
        return new BenchResult(name, events, stopwatch.Elapsed, lag.PercentileMs(50), lag.PercentileMs(99), costs.Take() - before);
    }

    private async Task WaitForDrainAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (delivery.Pending > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{delivery.Pending} events were never delivered");
            }

            await Task.Delay(2);
        }

        if (!await outboxes.DrainAsync(TimeSpan.FromMinutes(5)))
        {
            throw new TimeoutException("outbox parts were never delivered");
        }
    }
}
