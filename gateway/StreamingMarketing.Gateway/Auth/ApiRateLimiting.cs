using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// One token bucket per API key (partitioned by key name), answering 429 with Retry-After. Requests without a key are
/// not limited here: with keys on they are refused anyway, and with keys off the host is loopback only.
/// </summary>
internal static class ApiRateLimiting
{
    public static IServiceCollection AddApiKeyRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = RejectAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var key = context.RequestServices.GetRequiredService<ApiKeyStore>().ByName(context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null);
        return key is null
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetTokenBucketLimiter(key.Name, _ => Bucket(key.RateLimit));
    }

    /// <summary>A whole number of tokens per period: 0.5 permits/s becomes 1 token every 2 s, 20 permits/s 20 tokens every second.</summary>
    internal static TokenBucketRateLimiterOptions Bucket(RateLimit limit)
    {
        var perPeriod = Math.Max(1, (int)Math.Round(limit.PermitsPerSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perPeriod / limit.PermitsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsJsonAsync(
            new ErrorResponse($"Rate limit of the API key '{rejected.HttpContext.User.Identity?.Name}' reached: retry after {seconds} s."), cancellationToken);
    }
}
