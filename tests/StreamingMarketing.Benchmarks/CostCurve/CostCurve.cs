using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Grains.Outbox;

namespace StreamingMarketing.Benchmarks.CostCurve;

/// <summary>
/// <c>cost-curve</c>: throughput and memory as the audience grows. Each step sends two events to each of N new
/// users (over 200 campaigns) and measures events/s until applied and managed heap growth per new user grain (campaign
/// grains are few and already active, so the growth is the user profiles'). Grain collection keeps Orleans' default
/// (idle activations collected after 15 minutes), so every user of a step is still resident when it is measured.
/// </summary>
public static class CostCurve
{
    public static async Task RunAsync(EventPublisher publisher, InProcessDelivery delivery, OutboxDrain outboxes, int maxUsers)
    {
        var table = new Table().AddColumns("distinct users", "events", "events/s", "managed heap growth", "bytes per user grain");
        var steps = new List<Dictionary<string, object>>();
        var userOffset = 0;
        foreach (var users in new[] { 1_000, 10_000, 100_000, 1_000_000 }.Where(n => n <= maxUsers))
        {
            var requests = Requests(users, userOffset);
            userOffset += users;
            var before = SettledHeap();
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
                await publisher.PublishAsync(request.GroupBy(e => e.CampaignId).ToDictionary(g => g.Key, g => g.ToList()), ct));
            while (delivery.Pending > 0)
            {
                await Task.Delay(5);
            }

            await outboxes.DrainAsync(TimeSpan.FromMinutes(10));

            stopwatch.Stop();
            requests.Clear();
            var growth = SettledHeap() - before;
            var events = users * 2;
            table.AddRow(users.ToString("N0"), events.ToString("N0"), (events / stopwatch.Elapsed.TotalSeconds).ToString("N0"),
                $"{growth / 1024.0 / 1024.0:N1} MiB", (growth / (double)users).ToString("N0"));
            steps.Add(new Dictionary<string, object>
            {
                ["users"] = users,
                ["events"] = events,
                ["eventsPerSec"] = Math.Round(events / stopwatch.Elapsed.TotalSeconds),
                ["heapGrowthMiB"] = Math.Round(growth / 1024.0 / 1024.0, 1),
                ["bytesPerUserGrain"] = Math.Round(growth / (double)users),
            });
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]Reproduce: {BenchmarksApp.Name} cost-curve [[--max-users N]][/]");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["cores"] = Environment.ProcessorCount,
            ["steps"] = steps,
            ["bytesPerUserGrain"] = steps.Count > 0 ? steps[^1]["bytesPerUserGrain"] : 0,
            ["eventsPerSec"] = steps.Count > 0 ? steps[^1]["eventsPerSec"] : 0,
        }));
    }

    private static List<List<InteractionEvent>> Requests(int users, int userOffset)
    {
        var random = new Random(users);
        var now = DateTime.UtcNow;
        var events = new List<InteractionEvent>(users * 2);
        for (var round = 0; round < 2; round++)
        {
            for (var u = 0; u < users; u++)
            {
                events.Add(new InteractionEvent
                {
                    EventId = $"cost-{userOffset}-{round}-{u}",
                    Platform = Platform.Instagram,
                    Type = round == 0 ? EventType.Impression : EventType.Like,
                    UserId = $"cost-user-{userOffset + u}",
                    CampaignId = $"campaign-{random.Next(200)}",
                    Timestamp = now,
                    Hashtags = round == 1 ? ["sale"] : [],
                    ReceivedAt = now,
                });
            }
        }

        return events.Chunk(1_000).Select(chunk => chunk.ToList()).ToList();
    }

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
