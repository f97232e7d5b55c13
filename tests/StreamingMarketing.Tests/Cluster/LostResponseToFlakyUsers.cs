using System.Collections.Concurrent;
using StreamingMarketing.Contracts.Grains;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>
/// Fails calls that apply parts to users whose id starts with a known prefix: <see cref="LosesFirstAnswer"/> loses
/// the answer of the first call after the user applied it (as when a silo dies between the two);
/// <see cref="AlwaysRefuses"/> refuses every call before applying anything (a receiver that cannot take its part).
/// </summary>
public sealed class LostResponseToFlakyUsers : IIncomingGrainCallFilter
{
    public const string LosesFirstAnswer = "flaky-";
    public const string AlwaysRefuses = "refuses-";

    private static readonly ConcurrentDictionary<string, bool> Lost = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var applies = context.InterfaceMethod.Name == nameof(IUserProfileGrain.ApplyPartsAsync);
        var userId = context.TargetId.Key.ToString()!;
        if (applies && userId.StartsWith(AlwaysRefuses, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{userId} refuses every part (test)");
        }

        await context.Invoke();
        if (applies && userId.StartsWith(LosesFirstAnswer, StringComparison.Ordinal) && Lost.TryAdd(userId, true))
        {
            throw new TimeoutException($"the answer to {userId} was lost (test)");
        }
    }
}
