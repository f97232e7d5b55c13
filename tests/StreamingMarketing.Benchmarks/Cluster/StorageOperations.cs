using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;

namespace StreamingMarketing.Benchmarks.Cluster;

/// <summary>
/// What the durable profiles cost in storage operations: read off the silos' own metrics after a run, and the
/// ceiling the same Azurite reaches with raw SDK calls at the benchmark's concurrency.
/// </summary>
public static class StorageOperations
{
    /// <summary>
    /// Grain state writes (one blob upload each) plus two queue operations per stream item (its put and its delete;
    /// reads take up to 32 messages at once and are left out), summed over the silos' <c>/metrics</c>.
    /// </summary>
    public static async Task<long> CountAsync(HttpClient http, IEnumerable<string> siloUrls)
    {
        long operations = 0;
        foreach (var url in siloUrls)
        {
            var metrics = await http.GetStringAsync($"{url}/metrics");
            operations += (long)Sum(metrics, "streamingmarketing_grain_state_writes_total") + 2 * (long)Sum(metrics, "streamingmarketing_stream_items_published_total");
        }

        return operations;
    }

    /// <summary>Blob uploads per second Azurite takes from <paramref name="concurrency"/> callers, each a small state-sized blob.</summary>
    public static async Task<double> BlobWriteCeilingAsync(string connectionString, int concurrency, TimeSpan duration)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient("ceiling");
        await container.CreateIfNotExistsAsync();
        var payload = BinaryData.FromBytes(new byte[2_048]);
        long writes = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async caller =>
        {
            for (var n = 0; stopwatch.Elapsed < duration; n++)
            {
                await container.GetBlobClient($"{caller}/{n % 100}").UploadAsync(payload, overwrite: true);
                Interlocked.Increment(ref writes);
            }
        }));
        return writes / stopwatch.Elapsed.TotalSeconds;
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
