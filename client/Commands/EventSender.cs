using System.Net.Http.Headers;
using System.Text;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// Posts one batch of events as NDJSON and retries it, byte for byte, on a network error, 429 or any 5xx (503 is the
/// gateway's back-pressure or shutdown). Resending the same eventIds is safe: campaign grains apply an eventId once.
/// </summary>
internal sealed class EventSender(GatewayClient client, int maxRetries, Action<string>? onRetry = null)
{
    public const int MaxBatchSize = 1_000;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public int Retries { get; private set; }

    public async Task<IngestResponse> SendAsync(IReadOnlyList<string> jsonEvents, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('\n', jsonEvents));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await client.SendAsync(() => Request(body), cancellationToken);
                return GatewayClient.Parse<IngestResponse>(await response.Content.ReadAsStringAsync(cancellationToken));
            }
            catch (Exception exception) when (attempt < maxRetries && IsTransient(exception))
            {
                var wait = (exception as ApiException)?.RetryAfter ?? Backoff(attempt);
                Retries++;
                onRetry?.Invoke($"{exception.Message}; retrying in {wait.TotalSeconds:0.##} s ({attempt + 1}/{maxRetries})");
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        ApiException api => api.IsTransient,
        GatewayUnreachableException => true,
        _ => false,
    };

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempt, 10)));

    private static HttpRequestMessage Request(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = content };
    }
}
