using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace StreamingMarketing.Benchmarks.Cluster;

/// <summary>
/// What the durable profiles cost in storage operations: read off the silos' own metrics after a run, and the
/// ceiling the same Azurite reaches with raw SDK calls at the benchmark's concurrency.
/// </summary>
public static class StorageOperations
{
    /// <summary>
    /// Grain state writes by grain kind (one blob upload, or one SQLite row, each) plus, with
    /// <paramref name="queueOperations"/>, two per stream item (its put and its delete; reads take up to 32 messages at
    /// once and are left out), summed over the silos' <c>/metrics</c>.
    /// </summary>
    public static async Task<Dictionary<string, long>> CountAsync(HttpClient http, IEnumerable<string> siloUrls, bool queueOperations)
    {
        var operations = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var url in siloUrls)
        {
            var metrics = await http.GetStringAsync($"{url}/metrics");
            foreach (var (grain, writes) in ByLabel(metrics, "streamingmarketing_grain_state_writes_total", "grain"))
            {
                operations[$"{grain} writes"] = operations.GetValueOrDefault($"{grain} writes") + (long)writes;
            }

            if (queueOperations)
            {
                operations["queue put+delete"] = operations.GetValueOrDefault("queue put+delete") + 2 * (long)Sum(metrics, "streamingmarketing_stream_items_published_total");
            }
        }

        return operations;
    }

    /// <summary>
    /// Operations per second the same Azurite takes from raw SDK calls, per kind the pipeline uses, from
    /// <paramref name="concurrency"/> callers: queue puts and deletes (one each per stream item; reads take 32 at a
    /// time), small blob uploads (grain state) and table upserts (clustering, checkpoints).
    /// </summary>
    public static async Task<Dictionary<string, double>> CeilingsAsync(string connectionString, int concurrency, TimeSpan duration)
    {
        var payload = new string('x', 2_048);
        var queue = new QueueServiceClient(connectionString).GetQueueClient("ceiling");
        await queue.CreateIfNotExistsAsync();
        var blobs = new BlobServiceClient(connectionString).GetBlobContainerClient("ceiling");
        await blobs.CreateIfNotExistsAsync();
        var table = new TableServiceClient(connectionString).GetTableClient("ceiling");
        await table.CreateIfNotExistsAsync();
        return new Dictionary<string, double>
        {
            ["queue put"] = await RateAsync(concurrency, duration, async _ =>
            {
                await queue.SendMessageAsync(payload);
                return 1;
            }),

            // The messages just put, read 32 at a time as the pulling agents do, each deleted: deletes per second.
            ["queue delete"] = await RateAsync(concurrency, duration, async _ =>
            {
                var messages = (await queue.ReceiveMessagesAsync(32)).Value;
                foreach (var message in messages)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }

                return messages.Length;
            }),
            ["blob upload"] = await RateAsync(concurrency, duration, async n =>
            {
                await blobs.GetBlobClient(n.ToString(CultureInfo.InvariantCulture)).UploadAsync(BinaryData.FromString(payload), overwrite: true);
                return 1;
            }),
            ["table upsert"] = await RateAsync(concurrency, duration, async n =>
            {
                await table.UpsertEntityAsync(new TableEntity("ceiling", n.ToString(CultureInfo.InvariantCulture)) { ["Payload"] = payload });
                return 1;
            }),
        };
    }

    /// <summary>Operations per second; each call returns how many it did (0 ends that caller: nothing left to do).</summary>
    private static async Task<double> RateAsync(int concurrency, TimeSpan duration, Func<long, Task<int>> operation)
    {
        long done = 0;
        long calls = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration)
            {
                var count = await operation(Interlocked.Increment(ref calls));
                if (count == 0)
                {
                    return;
                }

                Interlocked.Add(ref done, count);
            }
        }));
        return done / stopwatch.Elapsed.TotalSeconds;
    }

    private static IEnumerable<(string Label, double Value)> ByLabel(string prometheusText, string family, string label)
    {
        var prefix = $"{label}=\"";
        foreach (var line in prometheusText.Split('\n'))
        {
            if (line.StartsWith(family + "{", StringComparison.Ordinal) && line.IndexOf(prefix, StringComparison.Ordinal) is var at and >= 0)
            {
                var start = at + prefix.Length;
                yield return (line[start..line.IndexOf('"', start)], double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            }
        }
    }

    private static double Sum(string prometheusText, string family)
    {
        double sum = 0;
        foreach (var line in prometheusText.Split('\n'))
        {
            if (line.StartsWith(family, StringComparison.Ordinal) && (line.Length == family.Length || line[family.Length] is '{' or ' '))
            {
                sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
