using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Polly.Timeout;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// The HTTP API as the commands see it, over a client from <see cref="GatewayHttp"/> (which holds the base URL and the
/// API key): JSON in and out, and a non-success answer turned into an <see cref="ApiException"/> carrying the
/// gateway's own error message.
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<string> GetRawAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<string> PostRawAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>Sends and answers the response when it succeeded; any other status becomes an <see cref="ApiException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var message = request;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new GatewayUnreachableException($"cannot reach the gateway at {BaseAddress}: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is TaskCanceledException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new GatewayUnreachableException($"the gateway at {BaseAddress} did not answer within {GatewayHttp.RequestTimeout.TotalSeconds:0} s", exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new ApiException(response.StatusCode, await ErrorMessageAsync(response, cancellationToken));
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
}

/// <summary>The gateway answered with a non-success status.</summary>
public sealed class ApiException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>No answer at all: connection refused, reset, or timed out.</summary>
public sealed class GatewayUnreachableException(string message, Exception inner) : Exception(message, inner);
