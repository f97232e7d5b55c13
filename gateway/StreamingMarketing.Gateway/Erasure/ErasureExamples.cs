using StreamingMarketing.Contracts.Erasure;

namespace StreamingMarketing.Gateway.Erasure;

/// <summary>The OpenAPI examples of the erasure endpoints: one request just accepted, and the same one completed.</summary>
internal static class ErasureExamples
{
    private const string RequestId = "er-3f2b8c1d9e0a4b7c8d6e5f4a3b2c1d0e";
    private static readonly DateTime Now = new(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static ErasureStatus Accepted => new() { RequestId = RequestId, State = ErasureStatus.Running, Ids = 1, RequestedAt = Now };

    public static ErasureStatus PersonAccepted => Accepted with { Ids = 2 };

    public static ErasureStatus Completed => new()
    {
        RequestId = RequestId,
        State = ErasureStatus.Completed,
        Ids = 1,
        PassesDone = ErasurePasses.Total,
        Campaigns = 3,
        ItemsRemoved = 7,
        RequestedAt = Now,
        CompletedAt = Now.AddSeconds(6),
    };
}
