using System.Net.Http.Headers;
using System.Text;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// Posts one batch of events as NDJSON. The batch client's pipeline (<see cref="GatewayHttp"/>) retries it byte for
/// byte on a network error, 429 or any 5xx; the answer that ends the retries is the one returned or thrown.
/// </summary>
internal sealed class EventSender(GatewayClient client, RetryCounter retries)
{
    public const int MaxBatchSize = 1_000;

    /// <summary>Requests sent again so far, by every sender of this connection.</summary>
    public int Retries => retries.Count;

    public async Task<IngestResponse> SendAsync(IReadOnlyList<string> jsonEvents, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('\n', jsonEvents));
        using var response = await client.SendAsync(Request(body), cancellationToken);
        return GatewayClient.Parse<IngestResponse>(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static HttpRequestMessage Request(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = content };
    }
}
