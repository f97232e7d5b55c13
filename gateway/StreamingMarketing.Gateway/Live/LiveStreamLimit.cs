using Microsoft.Extensions.Configuration;

namespace StreamingMarketing.Gateway.Live;

/// <summary>
/// Caps the event streams one key holds open at once (<c>Live:MaxStreamsPerKey</c>, default 8: a few dashboard tabs).
/// Each stream costs a grain call per second for as long as it stays open, so without a cap one key could hold the
/// gateway's polling budget. Streams without a key (keys off, loopback only) share one allowance.
/// </summary>
public sealed class LiveStreamLimit(IConfiguration configuration)
{
    public const string MaxStreamsPerKeyKey = "Live:MaxStreamsPerKey";

    private readonly int maxPerKey = configuration.GetValue(MaxStreamsPerKeyKey, 8);
    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>Null when the stream may open (its slot is given back when the request ends), else the 429 to answer.</summary>
    public IResult? TryOpen(HttpContext context)
    {
        var key = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "" : "";
        lock (open)
        {
            var count = open.GetValueOrDefault(key);
            if (count >= maxPerKey)
            {
                return Results.Json(
                    new Ingest.ErrorResponse($"This key already holds {maxPerKey} open event streams: close one (another tab) first."),
                    statusCode: StatusCodes.Status429TooManyRequests);
            }

            open[key] = count + 1;
        }

        context.Response.RegisterForDispose(new Slot(this, key));
        return null;
    }

    private void Close(string key)
    {
        lock (open)
        {
            if (open.TryGetValue(key, out var count) && count > 1)
            {
                open[key] = count - 1;
            }
            else
            {
                open.Remove(key);
            }
        }
    }

    private sealed class Slot(LiveStreamLimit limit, string key) : IDisposable
    {
        public void Dispose() => limit.Close(key);
    }
}
