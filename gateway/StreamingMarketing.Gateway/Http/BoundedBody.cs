using System.Buffers;

namespace StreamingMarketing.Gateway.Http;

/// <summary>
/// Reads a request body up to a limit, counting the bytes as they arrive: Content-Length alone is not a limit, since a
/// chunked body has none and a client may send more than it announced.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body, or null once it passes <paramref name="maxBytes"/> (the rest is not read).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 16 * 1024);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }

    public static IResult TooLarge(string what, int maxBytes) => Results.Json(
        new Ingest.ErrorResponse($"The body is larger than {maxBytes} bytes, the most {what} may be."),
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
