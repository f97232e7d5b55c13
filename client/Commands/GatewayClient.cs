using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// The HTTP API as the commands see it: the base URL, the API key (sent as <c>Authorization: Bearer</c>), JSON in and
/// out, and a non-success answer turned into an <see cref="ApiException"/> carrying the gateway's own error message.
/// </summary>
public sealed class GatewayClient : IDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient http;

    public GatewayClient(string url, string? apiKey, TimeSpan? timeout = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url must be an http(s) address like {DefaultUrl} (got '{url}').");
        }

        BaseAddress = address;
        http = new HttpClient { BaseAddress = address, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public Uri BaseAddress { get; }

    public async Task<string> GetRawAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<string> PostRawAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>Sends and answers the response when it succeeded; any other status becomes an <see cref="ApiException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var message = request();
            response = await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new GatewayUnreachableException($"cannot reach the gateway at {BaseAddress}: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GatewayUnreachableException($"the gateway at {BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s", exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new ApiException(response.StatusCode, await ErrorMessageAsync(response, cancellationToken), response.Headers.RetryAfter?.Delta);
        }
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
            {
                return error.GetString() ?? body;
            }
        }
        catch (JsonException)
        {
        }

        const int MaxLength = 300;
        return body.Length == 0 ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : body.Length > MaxLength ? body[..MaxLength] + "…" : body;
    }

    public void Dispose() => http.Dispose();
}

/// <summary>The gateway answered with a non-success status.</summary>
public sealed class ApiException(HttpStatusCode status, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Worth sending again unchanged: the gateway was saturated, shutting down, rate limiting, or failed inside.</summary>
    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;
}

/// <summary>No answer at all: connection refused, reset, or timed out.</summary>
public sealed class GatewayUnreachableException(string message, Exception inner) : Exception(message, inner);
