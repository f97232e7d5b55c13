namespace StreamingMarketing.Contracts.Erasure;

/// <summary>What <c>GET /api/erasures/{requestId}</c> answers: progress, never the ids or texts erased.</summary>
[GenerateSerializer, Immutable]
public sealed record ErasureStatus
{
    public const string Running = "running";
    public const string Completed = "completed";

    [Id(0)] public required string RequestId { get; init; }

    /// <summary><see cref="Running"/> or <see cref="Completed"/>: completed once every pass ran everywhere.</summary>
    [Id(1)] public required string State { get; init; }

    /// <summary>User ids the request erases (a person's are all of its linked ids).</summary>
    [Id(2)] public int Ids { get; init; }

    /// <summary>Passes done out of <see cref="ErasurePasses.Total"/>.</summary>
    [Id(3)] public int PassesDone { get; init; }

    /// <summary>Campaigns whose stored traces of the users were looked through.</summary>
    [Id(4)] public int Campaigns { get; init; }

    /// <summary>Negative comments, influencer entries, feedback entries, dead letters and archived events removed so far.</summary>
    [Id(5)] public long ItemsRemoved { get; init; }
    [Id(6)] public required DateTime RequestedAt { get; init; }
    [Id(7)] public DateTime? CompletedAt { get; init; }
}

public static class ErasurePasses
{
    /// <summary>Two: the second, a settle time after the first, catches events that were in flight when the request came.</summary>
    public const int Total = 2;
}
